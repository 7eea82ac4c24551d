import type {
  AcceptedResponse,
  Actor,
  BatchAccepted,
  BatchRequest,
  ErrorBody,
  GenerationParams,
  HistoryResponse,
  Job,
  JobActionResponse,
  JobMode,
  JobsPage,
  JobsQuery,
  ServerInfo,
  StylePreset,
  StylesResponse,
} from '../../shared/api-types.js';
import { jobsSearch } from '../../shared/jobs-search.js';
import type { FieldIssue } from '../../shared/request-schema.js';

/**
 * A failed API call. `message` is the server's own reason when it sent one (`ErrorBody.message`),
 * so the UI can show it as is.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status, or 0 when the daemon could not be reached. */
  readonly status: number;
  /** The server's error code, `network_error`, or `bad_response` for a body that is not an ErrorBody. */
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface ApiClient {
  /**
   * The daemon's API_TOKEN, sent as `Authorization: Bearer <token>` on every mutating request; without
   * one none is sent. Setting it also writes it to the client's storage, so the tab keeps it on reload.
   */
  token: string | undefined;
  listActors(signal?: AbortSignal): Promise<Actor[]>;
  /** One page of jobs, most recent first (`GET /api/jobs`); pass `next_cursor` back as `query.cursor` for the next. */
  listJobs(query?: JobsQuery, signal?: AbortSignal): Promise<JobsPage>;
  getJob(id: string, signal?: AbortSignal): Promise<Job>;
  /** What the daemon runs (`GET /api/info`); undefined from a daemon too old to have the route (404). */
  info(signal?: AbortSignal): Promise<ServerInfo | undefined>;
  /**
   * Starts a regeneration without waiting for it (`Prefer: respond-async`); follow it on the live feed.
   * `choice` adds a mode (`preview`: make a version to compare, publish nothing) and parameters.
   */
  regenerate(actor: Actor, choice?: RegenerateChoice, signal?: AbortSignal): Promise<AcceptedResponse>;
  /** The style presets (`GET /api/styles`); none from a daemon too old to have the route (404). */
  styles(signal?: AbortSignal): Promise<StylePreset[]>;
  /** Publishes a preview job's version (`POST /api/jobs/:id/accept`); the live feed brings the new poster. */
  acceptJob(id: string): Promise<void>;
  /** Deletes a preview job's version (`POST /api/jobs/:id/discard`). */
  discardJob(id: string): Promise<void>;
  /** An actor's poster versions, newest first (`GET /api/actors/:id/history`). */
  history(actorId: string, signal?: AbortSignal): Promise<HistoryResponse>;
  /** Publishes one of an actor's versions again (`POST /api/actors/:id/revert`). */
  revert(actorId: string, version: string): Promise<void>;
  /** Runs a job's request again for its actor, as a new job (a failed row's Retry). */
  retryJob(job: Job, signal?: AbortSignal): Promise<AcceptedResponse>;
  /** `POST /api/jobs/:id/cancel`. */
  cancelJob(id: string, signal?: AbortSignal): Promise<JobActionResponse>;
  /** `POST /api/batches`: one job per actor, followed on the live feed as `batch` and `job` events. */
  startBatch(request: BatchRequest, signal?: AbortSignal): Promise<BatchAccepted>;
  /** `POST /api/batches/:id/cancel`. */
  cancelBatch(id: string, signal?: AbortSignal): Promise<void>;
  /** `POST /api/batches/:id/retry`: a new batch of the failed and cancelled jobs. */
  retryBatch(id: string, signal?: AbortSignal): Promise<BatchAccepted>;
}

/** What the regenerate dialog asks for beyond the seed's body. */
export interface RegenerateChoice {
  mode?: JobMode;
  params?: GenerationParams;
}

const isErrorBody = (body: unknown): body is ErrorBody => typeof body === 'object' && body !== null && typeof (body as ErrorBody).message === 'string';

const isFieldIssues = (details: unknown): details is FieldIssue[] =>
  Array.isArray(details) && details.length > 0 && details.every((d: Partial<FieldIssue>) => typeof d?.field === 'string' && typeof d.message === 'string');

/** The server's message, with its field issues spelled out: "see details" means nothing to a user. */
function describe(body: ErrorBody): string {
  if (!isFieldIssues(body.details)) return body.message;
  const issues = body.details.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
  return `${body.message.replace(/[;,.]?\s*see details\.?$/i, '')} (${issues})`;
}

async function readError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(body)) return new ApiError(response.status, body.error, describe(body), body.details);
  return new ApiError(response.status, 'bad_response', `The daemon answered ${response.status} ${response.statusText}`.trim());
}

/** Where the token is kept between page loads; the page passes `sessionStorage`. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem'>;

const TOKEN_KEY = 'posterframe.api-token';

/** Keeps the token in memory only: for tests and for pages without storage. */
function memoryStorage(): TokenStorage {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

export interface ApiClientOptions {
  /** Origin (and path prefix) of the daemon; default '' (the page's own origin). */
  baseUrl?: string;
  /** Where the API token is kept; default memory only. */
  tokenStorage?: TokenStorage;
}

/**
 * A typed client for the daemon's HTTP API.
 *
 * @example const api = createApiClient({ tokenStorage: sessionStorage });
 */
export function createApiClient({ baseUrl = '', tokenStorage = memoryStorage() }: ApiClientOptions = {}): ApiClient {
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const token = init.method && init.method !== 'GET' ? tokenStorage.getItem(TOKEN_KEY) : null;
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, { ...init, headers: { accept: 'application/json', ...auth, ...init.headers } });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ApiError(0, 'network_error', 'Cannot reach the Posterframe daemon. Check that it is running, then try again.');
    }
    if (!response.ok) throw await readError(response);
    return (await response.json()) as T;
  }

  const post = <T>(path: string, body: unknown, init: RequestInit = {}) =>
    call<T>(path, { ...init, method: 'POST', headers: { 'content-type': 'application/json', ...init.headers }, body: JSON.stringify(body) });
  const orNoneOn404 =
    <T>(none: T) =>
    (error: unknown): T => {
      if (error instanceof ApiError && error.status === 404) return none;
      throw error;
    };
  const jobPath = (id: string, action: string) => `/api/jobs/${encodeURIComponent(id)}/${action}`;
  const actorPath = (id: string, action: string) => `/api/actors/${encodeURIComponent(id)}/${action}`;
  const batchPath = (id: string, action: string) => `/api/batches/${encodeURIComponent(id)}/${action}`;

  return {
    get token() {
      return tokenStorage.getItem(TOKEN_KEY) || undefined;
    },
    set token(token) {
      tokenStorage.setItem(TOKEN_KEY, token ?? '');
    },
    listActors: (signal) => call<Actor[]>('/api/actors', { signal }),
    listJobs: (query = {}, signal) => call<JobsPage>(`/api/jobs${jobsSearch(query)}`, { signal }),
    getJob: (id, signal) => call<Job>(`/api/jobs/${encodeURIComponent(id)}`, { signal }),
    info: (signal) => call<ServerInfo | undefined>('/api/info', { signal }).catch(orNoneOn404(undefined)),
    regenerate: (actor, { mode, params } = {}, signal) =>
      post<AcceptedResponse>(
        actorPath(String(actor.id), 'regenerate-poster-frame'),
        {
          actor_name: actor.name,
          lora_model_url: actor.lora_model_url ?? '',
          actor_description: actor.description ?? '',
          ...(mode && { mode }),
          ...(params && Object.keys(params).length > 0 && { params }),
        },
        { signal, headers: { prefer: 'respond-async' } },
      ),
    styles: async (signal) => (await call<StylesResponse>('/api/styles', { signal }).catch(orNoneOn404({ styles: [] }))).styles,
    acceptJob: async (id) => void (await post<unknown>(jobPath(id, 'accept'), {})),
    discardJob: async (id) => void (await post<unknown>(jobPath(id, 'discard'), {})),
    history: (actorId, signal) => call<HistoryResponse>(actorPath(actorId, 'history'), { signal }),
    revert: async (actorId, version) => void (await post<unknown>(actorPath(actorId, 'revert'), { version })),
    retryJob: (job, signal) =>
      post<AcceptedResponse>(actorPath(job.actor_id, 'regenerate-poster-frame'), job.request, { signal, headers: { prefer: 'respond-async' } }),
    cancelJob: (id, signal) => post<JobActionResponse>(jobPath(id, 'cancel'), {}, { signal }),
    startBatch: (request, signal) => post<BatchAccepted>('/api/batches', request, { signal }),
    cancelBatch: async (id, signal) => void (await post<unknown>(batchPath(id, 'cancel'), {}, { signal })),
    retryBatch: (id, signal) => post<BatchAccepted>(batchPath(id, 'retry'), {}, { signal }),
  };
}
