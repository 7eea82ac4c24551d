import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';
import { redactText } from './redact-secrets.js';

/**
 * Structured JSON logs on stderr (stdout is kept for the CLI's JSON result). Every line is redacted
 * as a whole, so a presigned URL or token inside any field, message or error stack never reaches the
 * log (redaction only replaces characters that are not JSON syntax, so the line stays valid JSON).
 *
 * @param destination - Where lines go; stderr by default.
 */
export function createLogger(level: Config['logLevel'], destination: DestinationStream = pino.destination(2)): Logger {
  const redacting: DestinationStream = { write: (line) => destination.write(redactText(line)) };
  return pino({ level, base: { service: 'posterframe' } }, redacting);
}
