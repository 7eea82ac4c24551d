import type { Context } from 'hono';
import { PipelineError, messageOf } from '../errors.js';

/** `application/json` or any `+json` type, with or without parameters such as charset. */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads the request body as JSON, or throws `PipelineError('invalid_request')` saying what was wrong.
 * The body size is already bounded by the body-limit middleware.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const contentType = c.req.header('Content-Type');
  if (!contentType || !JSON_TYPE.test(contentType)) {
    throw new PipelineError('invalid_request', `Expected Content-Type application/json but received ${contentType ?? 'none'}; send the body as JSON`);
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PipelineError('invalid_request', `Expected a JSON body but received invalid JSON (${messageOf(error)})`);
  }
}
