import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, fetch } from 'undici';
import type { AcceptedResponse, Actor, ErrorBody, Job, JobsPage, JobsQuery, RegenerateRequest } from '../../shared/api-types.js';
import { jobsSearch } from '../../shared/jobs-search.js';
import { PipelineError } from '../errors.js';
import { createSseParser, type SseFrame } from './sse-parser.js';

/** The calls the CLI makes to a running daemon's HTTP API. */
export interface DaemonClient {
  /** `GET /healthz`'s instance id; undefined when nothing answers there in time. */
  instanceId(): Promise<string | undefined>;
  actor(idOrName: string): Promise<Actor>;
  actors(): Promise<Actor[]>;
  /** `POST …/regenerate-poster-frame` with `Prefer: respond-async`: the job's id at once. */
  submit(actorId: string, request: RegenerateRequest): Promise<string>;
  job(id: string): Promise<Job>;
  /** One page of `GET /api/jobs`. */
  jobs(query: JobsQuery): Promise<JobsPage>;
  /** `GET /api/events` from after `lastEventId`; yields frames until the stream ends or `signal` aborts. */
  events(lastEventId: string | undefined, signal: AbortSignal): AsyncIterable<SseFrame>;
}

const HEALTH_TIMEOUT_MS = 2000;

/** `Retry-After` in seconds (what the daemon sends), else one second. */
const retryAfterMs = (header: string | null) => (header && /^\d+$/.test(header) ? Number(header) : 1) * 1000;

/**
 * @param baseUrl the daemon's address from `DATA_DIR/daemon.json`
 * @param apiToken sent as `Authorization: Bearer …` (the daemon requires it on POST when API_TOKEN is set)
 */
export function createDaemonClient(baseUrl: string, apiToken?: string): DaemonClient {
  // Its own pool rather than the global dispatcher, which Node's built-in fetch shares (see pipeline/http-agent.ts).
  const dispatcher = new Agent({ connections: 8 });
  const headers = (extra: Record<string, string> = {}) => ({ ...extra, ...(apiToken ? { authorization: `Bearer ${apiToken}` } : {}) });
  const call = (path: string, init: { method?: string; body?: string; headers?: Record<string, string>; signal?: AbortSignal } = {}) =>
    fetch(new URL(path, baseUrl), { ...init, headers: headers(init.headers), dispatcher });

  async function json<T>(path: string, init?: Parameters<typeof call>[1]): Promise<T> {
    let response = await call(path, init);
    // `--all` over a large library may outrun the daemon's per-client rate limit: wait as told, then go on.
    while (response.status === 429) {
      await response.body?.cancel();
      await sleep(retryAfterMs(response.headers.get('retry-after')));
      response = await call(path, init);
    }
    const body = (await response.json().catch(() => undefined)) as T | ErrorBody | undefined;
    if (response.ok) return body as T;
    const error = body as Partial<ErrorBody> | undefined;
    throw new PipelineError(error?.error ?? 'internal_error', error?.message ?? `The daemon at ${baseUrl} answered ${path} with HTTP ${response.status}`, {
      details: error?.details,
    });
  }

  return {
    async instanceId() {
      try {
        const health = await json<{ instance_id?: string }>('/healthz', { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
        return health.instance_id;
      } catch {
        return undefined;
      }
    },
    actor: (idOrName) => json<Actor>(`/api/actors/${encodeURIComponent(idOrName)}`),
    actors: () => json<Actor[]>('/api/actors'),
    async submit(actorId, request) {
      const accepted = await json<AcceptedResponse>(`/api/actors/${encodeURIComponent(actorId)}/regenerate-poster-frame`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', prefer: 'respond-async', 'x-posterframe-client': 'cli' },
        body: JSON.stringify(request),
      });
      return accepted.job_id;
    },
    job: (id) => json<Job>(`/api/jobs/${encodeURIComponent(id)}`),
    jobs: (query) => json<JobsPage>(`/api/jobs${jobsSearch(query)}`),
    async *events(lastEventId, signal) {
      const response = await call('/api/events', {
        headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        signal,
      });
      if (!response.ok || !response.body) throw new Error(`Expected an event stream from ${baseUrl}/api/events but received HTTP ${response.status}`);
      const parser = createSseParser();
      const decoder = new TextDecoder();
      for await (const chunk of response.body) yield* parser.push(decoder.decode(chunk, { stream: true }));
    },
  };
}
