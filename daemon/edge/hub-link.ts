import type { Logger } from 'pino';
import { WebSocket } from 'undici';
import type { ServerInfo } from '../../shared/api-types.js';
import type { DaemonMessage, HubHello } from '../../shared/edge-protocol.js';
import type { LiveEventSource } from '../app/app-deps.js';
import { messageOf } from '../errors.js';
import type { JobService } from '../jobs/job-service.js';
import { httpAgent } from '../pipeline/http-agent.js';

export interface HubLinkOptions {
  /** The edge Worker's origin (EDGE_URL). */
  edgeUrl: string;
  /** The daemon's API_TOKEN (the Worker's DAEMON_TOKEN). */
  token: string;
  events: LiveEventSource;
  jobs: Pick<JobService, 'list'>;
  /** The daemon's `GET /api/info`, which the edge answers from the hub. */
  info: () => Promise<ServerInfo>;
  logger: Logger;
  /** Called on every (re)connect: a new hub may front a new bucket too. */
  onConnected?: () => void;
  /** First reconnect delay; it doubles up to 30 s while the edge stays unreachable. */
  retryMs?: number;
}

export interface HubLink {
  close(): void;
}

/** Jobs the hub gets on every connect: as many as the daemon keeps finished. */
const JOBS_ON_CONNECT = 200;
const MAX_RETRY_MS = 30_000;

/**
 * The daemon's one connection to the edge's event hub: a WebSocket on which it pushes every event of
 * its bus, however many browsers read them at the edge. On each (re)connect the hub says which daemon
 * event it saw last and the daemon replays the rest, then sends its info and recent jobs, so the hub
 * answers job reads, waits and `GET /api/info` by itself. A dropped connection is retried with a growing delay.
 */
export function connectToHub(options: HubLinkOptions): HubLink {
  const { events, jobs, logger } = options;
  const url = `${options.edgeUrl.replace(/^http/, 'ws')}/_daemon/hub`;
  const firstRetryMs = options.retryMs ?? 500;
  let retryMs = firstRetryMs;
  let closed = false;
  let socket: WebSocket | undefined;
  let retryTimer: NodeJS.Timeout | undefined;

  function connect(): void {
    const current = new WebSocket(url, { headers: { authorization: `Bearer ${options.token}` }, dispatcher: httpAgent });
    socket = current;
    let unsubscribe = () => {};
    const send = (message: DaemonMessage) => {
      if (current.readyState === WebSocket.OPEN) current.send(JSON.stringify(message));
    };
    current.addEventListener('message', (message) => {
      const hello = parseHello(message.data);
      if (!hello) return;
      retryMs = firstRetryMs;
      unsubscribe();
      unsubscribe = events.subscribe((event) => send({ type: 'event', event }), { after: hello.last_event_id ?? undefined });
      void options.info().then((info) => send({ type: 'info', info }));
      void jobs.list({ limit: JOBS_ON_CONNECT }).then((recent) => send({ type: 'jobs', jobs: recent.jobs }));
      options.onConnected?.();
      logger.info({ edge: options.edgeUrl, replayedAfter: hello.last_event_id }, 'connected to the edge event hub');
    });
    current.addEventListener('error', (event) =>
      logger.debug({ edge: options.edgeUrl, error: messageOf((event as { error?: unknown }).error) }, 'edge hub connection error'),
    );
    current.addEventListener('close', (event) => {
      unsubscribe();
      if (closed) return;
      logger.warn({ edge: options.edgeUrl, code: event.code, retryMs }, 'edge event hub connection closed; reconnecting');
      retryTimer = setTimeout(connect, retryMs);
      retryTimer.unref();
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    });
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket?.close(1000, 'daemon stopping');
    },
  };
}

function parseHello(data: unknown): HubHello | undefined {
  try {
    const message = JSON.parse(String(data)) as Partial<HubHello>;
    return message.type === 'hello' ? (message as HubHello) : undefined;
  } catch {
    return undefined;
  }
}
