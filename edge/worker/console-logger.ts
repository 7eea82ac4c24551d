import type { AppLogger } from '../../daemon/app/app-logger.js';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/**
 * The app's logger on workerd: one JSON line per record through `console` (what `wrangler tail` and
 * Workers Logs collect), records below `level` dropped.
 */
export function consoleLogger(level: string | undefined): AppLogger {
  const threshold = LEVELS.indexOf((LEVELS as readonly string[]).includes(level ?? '') ? (level as Level) : 'info');
  const at = (name: Level) => (fields: Record<string, unknown>, message: string) => {
    if (LEVELS.indexOf(name) < threshold) return;
    console[name](JSON.stringify({ level: name, service: 'posterframe-edge', msg: message, ...fields }, errorsAsFields));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** An Error stringifies as `{}`; its message and stack are what a log reader needs. */
const errorsAsFields = (_key: string, value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
