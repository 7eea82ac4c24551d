import type { Job, NumberedEvent, ServerInfo } from './api-types.js';

/** Where the daemon publishes actorsData.json in the bucket, and the edge Worker reads it. */
export const ACTORS_SNAPSHOT_KEY = 'library/actorsData.json';

/**
 * The daemon's one connection to the edge's event hub: a WebSocket to `GET /_daemon/hub` with the
 * daemon's token. Every message is one JSON text frame.
 */

/** Hub → daemon, first thing after the upgrade: the id of the last daemon event the hub has, so the daemon replays the rest. */
export interface HubHello {
  type: 'hello';
  last_event_id: number | null;
}

/**
 * Daemon → hub: on every connect its `GET /api/info` and its recent jobs, then each live event as the
 * daemon's bus numbered it.
 */
export type DaemonMessage = { type: 'info'; info: ServerInfo } | { type: 'jobs'; jobs: Job[] } | { type: 'event'; event: NumberedEvent };

/** `GET /api/hub` at the edge: how many browsers the hub serves, over how many daemon connections. */
export interface HubStatus {
  daemon_connected: boolean;
  /** Daemon connections accepted since the hub started (a reconnect counts again). */
  daemon_connections: number;
  /** Open event streams (browsers). */
  readers: number;
}
