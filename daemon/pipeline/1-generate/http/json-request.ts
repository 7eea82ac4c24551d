import { request } from 'undici';
import { httpAgent } from '../../http-agent.js';

export interface JsonRequestOptions {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Serialised as JSON when present. */
  json?: unknown;
  signal?: AbortSignal;
  /** Longest wait for the response headers and between body chunks. */
  timeoutMs: number;
  /** Responses larger than this are refused, so a misbehaving peer cannot exhaust memory. */
  maxBytes?: number;
}

export interface JsonResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or undefined when the body was empty or not JSON. */
  body: unknown;
  /** The raw body text, for error messages when it is not JSON. */
  text: string;
}

/** Base64 images make generator responses large; 100 MB leaves room for several 1024px PNGs. */
const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
}

/**
 * One HTTP exchange with a JSON API over undici. Never throws on an HTTP status: callers decide
 * what each status means. Network failures, timeouts and aborts throw undici's errors.
 */
export async function jsonRequest(url: string, options: JsonRequestOptions): Promise<JsonResponse> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await request(url, {
    dispatcher: httpAgent,
    method: options.method,
    headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
    signal: options.signal,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.body.destroy();
      throw new ResponseTooLargeError(`Expected a response of at most ${maxBytes} bytes from ${new URL(url).origin} but received more`);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return { status: response.statusCode, headers: response.headers, body: parseJson(text), text };
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
