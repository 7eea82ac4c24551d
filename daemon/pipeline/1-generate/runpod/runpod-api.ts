import { messageOf, PipelineError } from '../../../errors.js';
import { jsonRequest, ResponseTooLargeError, type JsonResponse } from '../http/json-request.js';
import { RetriesExhaustedError, retryAfterMs, withRetry, type Attempt, type RetryOptions } from '../http/retry.js';

/** What `/run` and `/status/{id}` answer: `{id, status, output?, error?, delayTime?, executionTime?}`. */
export interface RunpodJob {
  id: string;
  status: string;
  output?: unknown;
  error?: unknown;
  /** Milliseconds the job waited in the queue (reported once a worker took it). */
  delayTime?: number;
  /** Milliseconds the worker spent on the job (reported when it finished). */
  executionTime?: number;
}

/** The endpoint's workers as `/health` reports them (`{"workers": {"idle": 0, "running": 0}, "jobs": {…}}`). */
export interface RunpodHealth {
  idle: number;
  running: number;
}

export interface RunpodApiOptions {
  /** e.g. `https://api.runpod.ai/v2`, no trailing slash. */
  baseUrl: string;
  endpointId: string;
  apiKey: string;
  /** Per-request timeout. @default 30000 */
  requestTimeoutMs?: number;
  retry?: RetryOptions;
}

type Operation = 'run' | 'status' | 'cancel' | 'health';

export interface RunpodApi {
  run(body: { input: unknown; policy?: Record<string, number> }, signal: AbortSignal): Promise<RunpodJob>;
  status(jobId: string, signal: AbortSignal): Promise<RunpodJob>;
  cancel(jobId: string, signal: AbortSignal): Promise<void>;
  health(signal: AbortSignal): Promise<RunpodHealth>;
}

const fail = (message: string, details?: unknown) => new PipelineError('generation_failed', message, { details });

/** RunPod answered 404 for a job id: it never had the job, or its result expired (30 minutes after completion). */
export class UnknownRunpodJobError extends PipelineError {
  constructor(operation: Operation) {
    super('generation_failed', `RunPod no longer knows the job (HTTP 404 on /${operation}); results expire 30 minutes after completion, so try again`);
  }
}

/**
 * RunPod Serverless' queue API (docs: serverless/endpoints/operation-reference): `POST /{endpoint}/run`,
 * `GET /{endpoint}/status/{id}`, `POST /{endpoint}/cancel/{id}`, `GET /{endpoint}/health`, authorised with `Authorization: Bearer <key>`.
 * 429 and 5xx (and network errors) are retried with jittered backoff — RunPod rate-limits /run and
 * /status per 10 s window; 401 and 404 are configuration mistakes and fail at once, naming the setting.
 */
export function createRunpodApi(options: RunpodApiOptions): RunpodApi {
  const endpoint = `${options.baseUrl}/${encodeURIComponent(options.endpointId)}`;
  const headers = { authorization: `Bearer ${options.apiKey}` };
  const timeoutMs = options.requestTimeoutMs ?? 30_000;

  /** One attempt: a final answer, a reason to retry, or a thrown PipelineError for what retrying cannot fix. */
  async function attempt(operation: Operation, path: string, json: unknown, signal: AbortSignal): Promise<Attempt<JsonResponse>> {
    let response: JsonResponse;
    try {
      response = await jsonRequest(`${endpoint}${path}`, {
        method: operation === 'status' || operation === 'health' ? 'GET' : 'POST',
        headers,
        json,
        signal,
        timeoutMs,
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (error instanceof ResponseTooLargeError) throw fail(`RunPod's /${operation} answer was too large: ${error.message}`);
      return { done: false, reason: `network error: ${messageOf(error)}` };
    }
    const { status } = response;
    if (status >= 200 && status < 300) return { done: true, value: response };
    if (status === 401 || status === 403) {
      throw fail(`RunPod rejected the API key (HTTP ${status}); check RUNPOD_API_KEY`);
    }
    if (status === 404 && (operation === 'run' || operation === 'health')) {
      throw fail(`RunPod has no endpoint "${options.endpointId}" at ${options.baseUrl} (HTTP 404); check RUNPOD_ENDPOINT_ID and RUNPOD_BASE_URL`);
    }
    if (status === 404) throw new UnknownRunpodJobError(operation);
    if (status === 408 || status === 429 || status >= 500) {
      return { done: false, reason: `HTTP ${status} ${snippet(response.text)}`.trim(), retryAfterMs: retryAfterMs(response.headers['retry-after']) };
    }
    throw fail(`RunPod refused /${operation} with HTTP ${status}: ${snippet(response.text) || '(empty body)'}`, response.body);
  }

  async function call(operation: Operation, path: string, json: unknown, signal: AbortSignal, retry = options.retry): Promise<JsonResponse> {
    try {
      return await withRetry(() => attempt(operation, path, json, signal), { ...retry, signal });
    } catch (error) {
      if (error instanceof RetriesExhaustedError) {
        throw fail(
          `RunPod did not answer /${operation} after ${error.attempts} attempts (last: ${error.lastReason}); RunPod may be overloaded or down, try again later`,
        );
      }
      throw error;
    }
  }

  return {
    async run(body, signal) {
      return parseJob(await call('run', '/run', body, signal), 'run');
    },
    async status(jobId, signal) {
      return parseJob(await call('status', `/status/${encodeURIComponent(jobId)}`, undefined, signal), 'status');
    },
    async cancel(jobId, signal) {
      // Cancelling is a courtesy to the GPU bill on the way out; two quick tries are enough.
      await call('cancel', `/cancel/${encodeURIComponent(jobId)}`, undefined, signal, { ...options.retry, attempts: 2 });
    },
    async health(signal) {
      return parseHealth(await call('health', '/health', undefined, signal, { ...options.retry, attempts: 2 }));
    },
  };
}

function parseJob(response: JsonResponse, operation: Operation): RunpodJob {
  const body = response.body as Partial<RunpodJob> | undefined;
  if (typeof body?.id !== 'string' || typeof body.status !== 'string') {
    throw fail(`Expected a JSON object with "id" and "status" from RunPod's /${operation} but received ${snippet(response.text) || '(empty body)'}`);
  }
  const { delayTime, executionTime } = body;
  return {
    id: body.id,
    status: body.status,
    output: body.output,
    error: body.error,
    ...(typeof delayTime === 'number' ? { delayTime } : {}),
    ...(typeof executionTime === 'number' ? { executionTime } : {}),
  };
}

function parseHealth(response: JsonResponse): RunpodHealth {
  const workers = (response.body as { workers?: Record<string, unknown> } | undefined)?.workers;
  const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);
  const idle = count(workers?.idle);
  const running = count(workers?.running);
  if (idle === undefined || running === undefined) {
    throw fail(`Expected {"workers": {"idle": <number>, "running": <number>}} from RunPod's /health but received ${snippet(response.text) || '(empty body)'}`);
  }
  return { idle, running };
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
