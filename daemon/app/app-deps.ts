import type { Logger } from 'pino';
import type { EventBus } from '../events/event-bus.js';
import type { JobService } from '../jobs/job-service.js';
import type { ActorsStore } from '../pipeline/5-save/actors-store.js';
import type { StoredObject } from '../pipeline/4-upload/storage.js';

/**
 * Everything the Hono app needs, injected. The app itself imports nothing from `node:`, so it runs
 * unchanged on an edge runtime where these are bindings (like workerd's ASSETS).
 */
export interface AppDeps {
  actors: ActorsStore;
  jobs: JobService;
  events: EventBus;
  logger: Logger;
  /** Reads a stored object by key for `GET /media/*` (local storage); absent when media lives elsewhere. */
  media?: (key: string) => Promise<StoredObject | null>;
  /** Serves the built web UI; returns null when there is no such asset. */
  assets?: (path: string) => Promise<Response | null>;
  /** When set, mutating routes require `Authorization: Bearer <apiToken>`. */
  apiToken?: string;
  bodyLimitBytes: number;
  sseHeartbeatMs: number;
}
