import { messageOf, PipelineError } from '../../../errors.js';
import { jsonRequest, ResponseTooLargeError, type JsonResponse } from '../http/json-request.js';

export interface A1111ApiOptions {
  /** e.g. `http://gpu-box:7860`, no trailing slash. */
  baseUrl: string;
  username?: string;
  password?: string;
  /** Per-request timeout; txt2img holds its connection open for the whole generation. */
  timeoutMs: number;
}

export interface A1111Lora {
  name: string;
  alias?: string;
}

export interface A1111Txt2ImgResponse {
  images?: unknown;
  /** A JSON string (not an object) with the generation's parameters, the seed among them. */
  info?: unknown;
}

export interface A1111Progress {
  /** 0–1 */
  progress?: number;
  state?: { sampling_step?: number; sampling_steps?: number };
}

export interface A1111Api {
  loras(signal: AbortSignal): Promise<A1111Lora[]>;
  txt2img(body: Record<string, unknown>, signal: AbortSignal): Promise<A1111Txt2ImgResponse>;
  progress(signal: AbortSignal): Promise<A1111Progress>;
  interrupt(signal: AbortSignal): Promise<void>;
}

const fail = (message: string, details?: unknown) => new PipelineError('generation_failed', message, { details });

/**
 * AUTOMATIC1111 / Forge's `/sdapi/v1` API (the webui started with `--api`, optionally `--api-auth`
 * for HTTP basic auth). Its error bodies are `{error, detail, body, errors}` (modules/api/api.py).
 */
export function createA1111Api(options: A1111ApiOptions): A1111Api {
  const headers: Record<string, string> = {};
  if (options.username !== undefined || options.password !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${options.username ?? ''}:${options.password ?? ''}`).toString('base64')}`;
  }

  async function call(method: 'GET' | 'POST', path: string, json: unknown, signal: AbortSignal): Promise<unknown> {
    let response: JsonResponse;
    try {
      response = await jsonRequest(`${options.baseUrl}${path}`, { method, headers, json, signal, timeoutMs: options.timeoutMs });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (error instanceof ResponseTooLargeError) throw fail(`A1111's ${path} answer was too large: ${error.message}`);
      throw fail(`Could not reach A1111 at ${options.baseUrl} (${messageOf(error)}); check A1111_BASE_URL and that the webui runs with --api`);
    }
    const { status, body, text } = response;
    if (status >= 200 && status < 300) return body;
    if (status === 401 || status === 403) throw fail(`A1111 rejected the credentials (HTTP ${status}); check A1111_USERNAME and A1111_PASSWORD`);
    if (status === 404) throw fail(`A1111 at ${options.baseUrl} has no ${path} (HTTP 404); start the webui with --api and check A1111_BASE_URL`);
    throw fail(`A1111 answered ${path} with HTTP ${status}: ${describeError(body, text)}`, body);
  }

  return {
    async loras(signal) {
      const body = await call('GET', '/sdapi/v1/loras', undefined, signal);
      if (!Array.isArray(body)) throw fail(`Expected a JSON array from A1111's /sdapi/v1/loras but received ${typeof body}`);
      return body.filter((item): item is A1111Lora => typeof (item as A1111Lora | null)?.name === 'string');
    },
    async txt2img(body, signal) {
      const response = await call('POST', '/sdapi/v1/txt2img', body, signal);
      if (typeof response !== 'object' || response === null)
        throw fail(`Expected a JSON object from A1111's /sdapi/v1/txt2img but received ${typeof response}`);
      return response as A1111Txt2ImgResponse;
    },
    async progress(signal) {
      return ((await call('GET', '/sdapi/v1/progress?skip_current_image=true', undefined, signal)) ?? {}) as A1111Progress;
    },
    async interrupt(signal) {
      await call('POST', '/sdapi/v1/interrupt', undefined, signal);
    },
  };
}

/** `{error: "OutOfMemoryError", detail: "...", errors: "..."}` → "OutOfMemoryError: ..." */
function describeError(body: unknown, text: string): string {
  if (typeof body === 'object' && body !== null) {
    const { error, detail, errors } = body as Record<string, unknown>;
    const reason = [detail, errors].find((v) => typeof v === 'string' && v.trim()) ?? (detail ? JSON.stringify(detail) : undefined);
    if (error || reason) return [error, reason].filter(Boolean).join(': ');
  }
  return text.trim().slice(0, 200) || '(empty body)';
}
