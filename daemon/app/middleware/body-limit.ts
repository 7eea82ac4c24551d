import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PipelineError } from '../../errors.js';

/**
 * Hono's body limit (it checks Content-Length and, for chunked bodies, counts bytes as they arrive),
 * answering with our JSON 413 instead of its plain-text one.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new PipelineError('payload_too_large', `Expected a request body of at most ${maxBytes} bytes; send only the documented fields`);
    },
  });
}
