import type { Context } from 'hono';
import type { ListBlock } from '../library/list-blocks.js';
import type { HistoryResponse, Job, NumberedEvent, RevertResponse, ServerInfo, StylePreset } from '../../shared/api-types.js';
import type { BatchService } from '../batches/batch-service.js';
import type { JobService } from '../jobs/job-service.js';
import type { StoredObject } from '../pipeline/4-upload/storage.js';
import type { ActorsReader } from '../pipeline/5-save/actors-store.js';
import type { AppLogger } from './app-logger.js';

/** The reads the routes make of the actors (declared beside the store, which is one). */
export type { ActorsReader };

/** A response body as parts sent one after the other (no one big copy), and their total length. */
export interface BodyParts {
  parts: readonly Uint8Array[];
  length: number;
}

/**
 * Encodes the list's blocks at `revision`, identity or gzip. The daemon's keeps each block's bytes and
 * deflate segment, so a change re-compresses one block; without one, the app joins and compresses the
 * whole list once per revision (CompressionStream, which edge runtimes have).
 */
export type ListBodyEncoder = (revision: number, blocks: readonly ListBlock[], gzip: boolean) => Promise<BodyParts>;

/** Live events with replay: the daemon's event bus, or the edge's event hub. */
export interface LiveEventSource {
  /** Subscribes; when `after` is given, first replays kept events with a larger id. Returns unsubscribe. */
  subscribe(listener: (event: NumberedEvent) => void, options?: { after?: number }): () => void;
}

/** What the batch routes use of a BatchService: the edge forwards these to the daemon and waits for nothing. */
export type BatchRoutesApi = Omit<BatchService, 'waitFor'>;

/** Reads a stored object by key (`actors/…/x_poster_md.webp`), or null when there is none. */
export type MediaReader = (key: string) => Promise<StoredObject | null>;

/**
 * Poster versions (issue 10): deciding previews, an actor's history, revert. Each throws
 * PipelineError: `not_found`/`actor_not_found` for what does not exist, `conflict` for a decision that
 * contradicts the job's state (accepting twice, accepting a discarded or failed job).
 */
export interface VersionsApi {
  /** Publishes a finished preview job's version (all or nothing) and records the decision; the job as now recorded. */
  accept(jobId: string): Promise<Job>;
  /** Deletes a finished preview job's version and records the decision. */
  discard(jobId: string): Promise<Job>;
  history(actorId: string): Promise<HistoryResponse>;
  /** Publishes one of the actor's stored versions again; recorded, so it can be undone by reverting to `previous_version`. */
  revert(actorId: string, version: string): Promise<RevertResponse>;
}

/**
 * Everything the Hono app needs, injected, each narrowed to what the routes use and async wherever an
 * implementation may have to ask over the network. The app itself imports nothing from `node:`, so it
 * runs unchanged in the edge Worker (workerd), where these are R2, the event hub and the daemon.
 */
export interface AppDeps {
  actors: ActorsReader;
  /** Encodes `GET /api/actors`' body; absent: the whole list compressed once per revision. */
  listBody?: ListBodyEncoder;
  jobs: JobService;
  /** Serves `GET /api/events`; absent where another handler does (the edge's event hub). */
  events?: LiveEventSource;
  logger: AppLogger;
  /** Serves `GET /media/*` (local storage, or the edge's bucket); absent when media lives elsewhere. */
  media?: MediaReader;
  /** Answers `GET /api/info` (the daemon computes it from its config; no secrets); absent: no such route. */
  info?: () => Promise<ServerInfo>;
  /** Serves `/api/batches` (create, list, get, cancel, retry): the daemon's batches, or the edge's forwarding to them. */
  batches?: BatchRoutesApi;
  /** Answers `GET /api/styles` (shared/styles.ts' presets); absent: no such route. */
  styles?: readonly StylePreset[];
  /** Serves preview accept/discard, history and revert (at the edge, forwarded to the daemon); absent: no such routes. */
  versions?: VersionsApi;
  /** Serves the built web UI; returns null when there is no such asset. */
  assets?: (path: string) => Promise<Response | null>;
  /** When set, mutating routes require `Authorization: Bearer <apiToken>`. */
  apiToken?: string;
  /** This daemon's id in `DATA_DIR/daemon.json`, answered by `GET /healthz`. */
  instanceId?: string;
  bodyLimitBytes: number;
  sseHeartbeatMs: number;
  /** The HTTP protections of middleware/ (see the README's Security section); each is off when absent. */
  security?: AppSecurity;
}

export interface AppSecurity {
  /** Host names the `Host` header may carry (DNS-rebinding guard); `*` allows any. */
  allowedHosts?: string[];
  /** Accept any IP address as Host too: the daemon listens on every interface. */
  anyIpAddressHost?: boolean;
  /** Origins posters are served from besides the app itself, for the CSP's img-src. */
  imageOrigins?: string[];
  /** Mutating requests per client per minute (token bucket); 0 or absent: unlimited. */
  rateLimitPerMinute?: number;
  /** The client's address, the rate limit's key; the runtime adapter knows it (the socket's peer). */
  clientAddress?: (c: Context) => string | undefined;
  /** Event streams open at once; absent: unlimited. */
  sseMaxClients?: number;
}
