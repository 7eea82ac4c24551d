/**
 * The logging the app does: a structured record and a message, at four levels. Our own type rather
 * than pino's, so the app (and the edge Worker that runs it) does not depend on a Node logger; a pino
 * logger satisfies it, and the edge passes a console-backed one.
 */
export interface AppLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
