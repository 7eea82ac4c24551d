import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** Structured JSON logs on stderr (stdout is kept for the CLI's JSON result). */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({ level, base: { service: 'posterframe' } }, pino.destination(2));
}
