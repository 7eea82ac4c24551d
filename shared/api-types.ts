/**
 * Types that cross the wire between the daemon and the web UI (and request files).
 * The shapes of the regenerate request/response follow the seed contract
 * (`poster-frame-regeneration.md`) exactly; everything else extends it without renaming.
 */

export const POSTER_SIZES = { sm: 256, md: 512, lg: 1024 } as const;
export type PosterSize = keyof typeof POSTER_SIZES;

/** One URL per WebP size; the keys are the seed's. */
export interface PosterUrls {
  webp_sm: string;
  webp_md: string;
  webp_lg: string;
}

export interface PosterFrames {
  accelerated: PosterUrls;
  standard: PosterUrls;
  /**
   * A tiny blurred stand-in painted until the image loads: a ThumbHash, base64 (issue 10), computed
   * at encode time from the same pixels. An addition to the seed's shape; absent on older posters.
   */
  placeholder?: string;
}

/** An entry of the top-level array in actorsData.json. Unknown fields are preserved on write. */
export interface Actor {
  id: number | string;
  name: string;
  description?: string;
  lora_model_url?: string;
  poster_frames?: PosterFrames;
  /** ISO time of the last successful publish, set by the daemon. */
  poster_updated_at?: string;
  [extra: string]: unknown;
}

/** Generation parameters a job carries; every field is optional and has a backend default. */
export interface GenerationParams {
  /** Absent in a request: the daemon picks a random seed and records it on the job and the version. */
  seed?: number;
  steps?: number;
  guidance?: number;
  /** The id of a preset from `GET /api/styles`. */
  style?: string;
  negative_prompt?: string;
  lora_weight?: number;
}

/** What a publish job does with its result: replace the poster, or only stage a draft to compare. */
export type JobMode = 'publish' | 'preview';

/** Body of `POST /api/actors/:actorId/regenerate-poster-frame` (the seed's three fields, plus optional extensions). */
export interface RegenerateRequest {
  actor_name: string;
  lora_model_url: string;
  actor_description?: string;
  params?: GenerationParams;
  mode?: JobMode;
}

/** A request file dropped into `requests/`: the seed's body plus the actor id. */
export interface RequestFile extends RegenerateRequest {
  actor_id: string | number;
}

/** The seed's success response. */
export interface RegenerateResponse {
  success: true;
  actor_id: string;
  actor_name: string;
  poster_frames: PosterFrames;
  message: string;
}

/** Every error body the daemon writes (HTTP responses, `*.error.json`, failed jobs). */
export interface ErrorBody {
  success: false;
  error: ErrorCode;
  message: string;
  details?: unknown;
}

export type ErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'not_found'
  | 'method_not_allowed'
  | 'actor_not_found'
  | 'payload_too_large'
  | 'generation_failed'
  | 'download_failed'
  | 'invalid_image'
  | 'storage_failed'
  | 'actors_file_corrupt'
  | 'shutting_down'
  | 'misdirected_request'
  | 'rate_limited'
  | 'too_many_connections'
  /** The edge Worker could not reach the daemon that does the work (reads are still served). */
  | 'daemon_unavailable'
  /** The request contradicts the resource's state: accepting a discarded preview, cancelling a finished job, different parameters for a running job. */
  | 'conflict'
  | 'cancelled'
  | 'internal_error';

/** Where a job came from; `batch` jobs also carry their `batch_id`. */
export type JobSource = 'api' | 'folder' | 'cli' | 'batch';
/** `cancelled` is terminal like done and failed: a cancelled job publishes nothing. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['done', 'failed', 'cancelled'];
/** Stages in the order a job passes them; `queued` is also used while waiting on the GPU's queue. */
export const JOB_STAGES = ['queued', 'generating', 'downloading', 'encoding', 'uploading', 'saving'] as const;
export type JobStage = (typeof JOB_STAGES)[number];

export interface JobError {
  error: ErrorCode;
  message: string;
  /** The stage the job was in when it failed. */
  stage?: JobStage;
  details?: unknown;
}

/**
 * The process running a job: pid, process start time and boot id (pids are reused, e.g. PID 1 in a
 * restarted container), and a random token. A daemon resumes only jobs whose owner is gone.
 */
export interface JobOwner {
  pid: number;
  /** Field 22 of /proc/<pid>/stat; absent where there is no /proc. */
  start_time?: string;
  /** /proc/sys/kernel/random/boot_id; absent where there is no /proc. */
  boot_id?: string;
  token: string;
}

/** A job as the API returns it and the job store persists it. */
export interface Job {
  id: string;
  source: JobSource;
  mode: JobMode;
  actor_id: string;
  actor_name: string;
  request: RegenerateRequest;
  status: JobStatus;
  stage: JobStage;
  /** 0–100 within the current stage. */
  percent: number;
  /** A short human-readable progress line, e.g. "queued on GPU". */
  message?: string;
  created_at: string;
  updated_at: string;
  started_at?: string;
  finished_at?: string;
  result?: RegenerateResponse;
  error?: JobError;
  /** The process that runs (or last ran) it: the daemon, or a CLI running without one. */
  owner?: JobOwner;
  /**
   * The parameters the job runs with: the request's, plus the seed picked when the request named none,
   * so any poster can be reproduced. Absent on records written before versions existed.
   */
  params?: GenerationParams;
  /** The generator that ran it (`builtin`, `runpod`, `a1111`). */
  backend?: string;
  /** The batch this job belongs to (source `batch`). */
  batch_id?: string;
  /** The poster version the job produced (a preview's, or the published one). */
  version?: string;
  /** What became of a preview job's version: set by `POST /api/jobs/:id/accept` or `/discard` (or expiry). */
  decision?: { kind: 'accepted' | 'discarded'; at: string; reason?: string };
}

/** The query of `GET /api/jobs`: every filter optional. */
export interface JobsQuery {
  status?: JobStatus;
  /** The actor's id. */
  actor?: string;
  batch?: string;
  /** 1–1000; default 50. */
  limit?: number;
  /** `next_cursor` of the previous page. */
  cursor?: string;
}

/** `GET /api/jobs?status=&actor=&batch=&limit=&cursor=`: newest first. Pass `next_cursor` back as `cursor` (null: last page). */
export interface JobsPage {
  jobs: Job[];
  next_cursor: string | null;
}

/** Body of `POST /api/jobs/:id/discard` and `/cancel` answers: the job as it now is. */
export interface JobActionResponse {
  success: true;
  job: Job;
}

/** `202 Accepted` body for `Prefer: respond-async`. */
export interface AcceptedResponse {
  job_id: string;
  status_url: string;
  /** True when the request joined a job already queued or running for this actor and mode. */
  joined: boolean;
}

/** How `GET /api/actors?limit=…` orders actors: the file's order (default), by name, or most recently regenerated first. */
export type ActorsSort = 'file' | 'name' | 'updated';

/** `GET /api/actors?limit=&cursor=&q=&sort=`: one page. Pass `next_cursor` back as `cursor` for the next page (null: last page). */
export interface ActorsPage {
  actors: Actor[];
  next_cursor: string | null;
  /** How many actors match `q` in all pages. */
  total: number;
}

/** `preview`: generated, not published yet; `published`: is or was the actor's poster; `discarded`: its objects are deleted. */
export type VersionState = 'preview' | 'published' | 'discarded';

/**
 * One immutable encoded poster of an actor, stored once under
 * `actors/{name}/poster_frame/history/{version}/{name}_poster_{size}.webp`. `version` is the content
 * version, the `?v=` its URLs carry once published.
 */
export interface PosterVersion {
  version: string;
  actor_id: string;
  job_id?: string;
  created_at: string;
  state: VersionState;
  /** Whether the canonical keys (and actorsData.json) hold this version now. */
  current: boolean;
  seed?: number;
  style?: string;
  /** Every generation parameter it was made with. */
  params: GenerationParams;
  backend?: string;
  source?: JobSource;
  /** The version's own immutable URLs (history keys). */
  poster_frames: PosterFrames;
  placeholder?: string;
}

/** One time a version was put over the canonical keys, and the version it replaced. */
export interface PublicationRecord {
  version: string;
  /** Absent when the actor had no versioned poster before. */
  previous_version?: string;
  /** A job's publish, an accepted preview, or a revert. */
  kind: 'publish' | 'accept' | 'revert';
  job_id?: string;
  at: string;
}

/** `GET /api/actors/:id/history`: newest first. */
export interface HistoryResponse {
  actor_id: string;
  versions: PosterVersion[];
  /** The latest publications (at most 50), newest first: what replaced what, reverts included. */
  publications?: PublicationRecord[];
}

/** Body of `POST /api/actors/:id/revert`: publishes that version again. */
export interface RevertRequest {
  version: string;
}

/** Answer of `POST /api/actors/:id/revert`. The revert is recorded; reverting to `previous_version` undoes it. */
export interface RevertResponse {
  success: true;
  actor_id: string;
  /** The version now published. */
  version: string;
  /** The version it replaced (absent when the actor had no versioned poster). */
  previous_version?: string;
  /** The actor's poster frames as now published (the canonical URLs at `version`). */
  poster_frames: PosterFrames;
}

/** A named look for the poster: a prompt fragment and the parameters that suit it. */
export interface StylePreset {
  id: string;
  label: string;
  description: string;
  prompt: string;
  defaults: GenerationParams;
}

/** `GET /api/styles`. */
export interface StylesResponse {
  styles: StylePreset[];
}

/** Body of `POST /api/batches`, and of a request file that names `actor_ids` instead of `actor_id`. */
export interface BatchRequest {
  actor_ids: Array<string | number> | 'all';
  params?: GenerationParams;
  mode?: JobMode;
}

/** `running` until every job has settled; then `done` (all done), `failed` (some failed) or `cancelled`. */
export type BatchStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface BatchTotals {
  total: number;
  queued: number;
  running: number;
  done: number;
  failed: number;
  cancelled: number;
}

/** A batch without its per-actor list: what lists and live events carry. */
export interface BatchSummary {
  id: string;
  source: JobSource;
  mode: JobMode;
  params?: GenerationParams;
  status: BatchStatus;
  totals: BatchTotals;
  /** 0–100, `batchPercent` of shared/job-progress.ts: the same number the CLI and the UI show. */
  percent: number;
  created_at: string;
  updated_at: string;
  finished_at?: string;
  /** The batch this one retries (`POST /api/batches/:id/retry`). */
  retry_of?: string;
}

export interface BatchEntry {
  actor_id: string;
  actor_name: string;
  job_id: string;
  status: JobStatus;
  error?: JobError;
}

/** `GET /api/batches/:id`. */
export interface Batch extends BatchSummary {
  jobs: BatchEntry[];
}

/** `202` answer of `POST /api/batches` (and `/retry`). */
export interface BatchAccepted {
  batch_id: string;
  status_url: string;
  total: number;
}

/** `GET /api/batches?limit=&cursor=`: newest first. */
export interface BatchesPage {
  batches: BatchSummary[];
  next_cursor: string | null;
}

/** Server-sent events on `GET /api/events`. The SSE `event:` field is the `type`. */
export type LiveEvent = { type: 'job'; job: Job } | { type: 'actor'; actor: Actor } | { type: 'batch'; batch: BatchSummary };

/**
 * Sent on `GET /api/events` instead of a replay when the events since the client's `Last-Event-ID`
 * are no longer kept (or come from an earlier run of the daemon): the client must reload what it
 * holds (`GET /api/actors`, `GET /api/jobs`). Its id is the latest event's, so the client resumes from
 * there. Never published on the bus: it concerns one connection.
 */
export interface ResetEvent {
  type: 'reset';
  reason: string;
}

/** A LiveEvent with the id the event bus gave it (the SSE `id:` field), or a connection's reset. */
export type NumberedEvent = (LiveEvent | ResetEvent) & { id: number };

/**
 * `GET /api/info`: what a client needs to word things for this daemon (the confirmation copy, the
 * empty state). Cheap to compute; no secrets.
 */
export interface ServerInfo {
  generator: {
    kind: 'builtin' | 'runpod' | 'a1111';
    /** Whether the backend uses the actor's LoRA model (the built-in stand-in does not). */
    uses_lora: boolean;
    /** A rough duration of one generation in seconds, for the confirmation copy. */
    typical_seconds: number;
  };
  storage: 'local' | 's3' | 'edge';
  actors: {
    count: number;
    /** False when DATA_DIR has no actors file yet: the UI shows how to load one instead of an empty grid. */
    file_present: boolean;
  };
  /** Mutating routes need `Authorization: Bearer …`. */
  api_token_required: boolean;
}
