import { Hono } from 'hono';
import type { LiveEventSource } from '../../daemon/app/app-deps.js';
import type { AppLogger } from '../../daemon/app/app-logger.js';
import { errorBody } from '../../daemon/app/error-response.js';
import { eventRoutes } from '../../daemon/app/routes/events.js';
import { messageOf } from '../../daemon/errors.js';
import { createEventBus } from '../../daemon/events/event-bus.js';
import { isTerminal } from '../../daemon/jobs/job-service.js';
import type { LiveEvent, ServerInfo } from '../../shared/api-types.js';
import type { DaemonMessage, HubHello, HubStatus } from '../../shared/edge-protocol.js';
import type { EdgeEnv, ServerWebSocket } from './bindings.js';
import { consoleLogger } from './console-logger.js';
import { daemonUnavailable } from './daemon-unavailable.js';
import { HubJobs } from './hub-jobs.js';
import { parseJobsQuery } from '../../daemon/app/routes/jobs-query.js';

/** The SSE heartbeat, as the daemon's default: proxies and browsers keep an idle stream open. */
const SSE_HEARTBEAT_MS = 15_000;

/**
 * The event hub, a Durable Object with one instance: the daemon pushes its events here over one
 * WebSocket, and the hub fans them out to every browser's `GET /api/events` (the app's own SSE route
 * over the hub's event bus, so replay and `Last-Event-ID` work as at the daemon). It also keeps the
 * daemon's jobs and info, so job reads, `GET /api/info` and synchronous regenerations at the edge never
 * ask the daemon.
 * When the daemon's connection drops, every stream and wait ends: browsers reconnect (and are told
 * 503 until the daemon is back), waiting requests get a 503.
 */
export class EventHub {
  private readonly bus = createEventBus();
  private readonly jobs = new HubJobs();
  private readonly logger: AppLogger;
  private readonly app = new Hono();
  private daemon: ServerWebSocket | undefined;
  private daemonConnections = 0;
  private lastDaemonEventId: number | null = null;
  private daemonInfo: ServerInfo | undefined;
  private readers = 0;
  /** Called when the daemon's connection drops: ends open event streams and waits. */
  private readonly onDaemonLost = new Set<() => void>();

  constructor(_state: unknown, env: EdgeEnv) {
    this.logger = consoleLogger(env.LOG_LEVEL);
    this.app.get('/_daemon/hub', (c) => this.acceptDaemon(c.req.raw));
    this.app.get('/api/events', (c) => this.stream(c.req.raw));
    this.app.get('/api/hub', (c) => c.json(this.status()));
    this.app.get('/info', (c) => (this.daemonInfo ? c.json(this.daemonInfo) : unavailable('it has not connected to the edge yet')));
    this.app.get('/jobs', (c) => c.json(this.jobs.list(parseJobsQuery(c.req.query()))));
    this.app.get('/jobs/:id', (c) => {
      const job = this.jobs.get(c.req.param('id'));
      return job ? c.json(job) : c.json(errorBody('not_found', `No job with id "${c.req.param('id')}"`), 404);
    });
    this.app.get('/wait/:id', (c) => this.waitFor(c.req.param('id'), c.req.raw.signal));
  }

  fetch(request: Request): Response | Promise<Response> {
    return this.app.fetch(request);
  }

  private status(): HubStatus {
    return { daemon_connected: this.daemon !== undefined, daemon_connections: this.daemonConnections, readers: this.readers };
  }

  private acceptDaemon(request: Request): Response {
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
      return Response.json(errorBody('invalid_request', 'Expected a WebSocket upgrade on /_daemon/hub'), { status: 426 });
    }
    const { 0: client, 1: socket } = new WebSocketPair();
    socket.accept();
    // One daemon: a new connection (a daemon restart, a network change) replaces the old one.
    const previous = this.daemon;
    this.daemon = socket;
    previous?.close(1012, 'replaced by a newer daemon connection');
    this.daemonConnections += 1;
    socket.addEventListener('message', (event) => this.receive(event.data));
    const closed = () => this.daemonGone(socket);
    socket.addEventListener('close', closed);
    socket.addEventListener('error', closed);
    const hello: HubHello = { type: 'hello', last_event_id: this.lastDaemonEventId };
    socket.send(JSON.stringify(hello));
    this.logger.info({ connections: this.daemonConnections, lastEventId: this.lastDaemonEventId }, 'daemon connected to the hub');
    return new Response(null, { status: 101, webSocket: client } as ResponseInit);
  }

  private receive(data: unknown): void {
    let message: DaemonMessage;
    try {
      message = JSON.parse(String(data)) as DaemonMessage;
    } catch (error) {
      this.logger.warn({ error: messageOf(error) }, 'ignored a daemon message that is not JSON');
      return;
    }
    if (message.type === 'info') {
      this.daemonInfo = message.info;
    } else if (message.type === 'jobs') {
      for (const job of message.jobs) this.jobs.put(job);
    } else if (message.type === 'event') {
      const { id, ...event } = message.event;
      this.lastDaemonEventId = id;
      if (event.type === 'job') this.jobs.put(event.job);
      this.bus.publish(event as LiveEvent);
    }
  }

  private daemonGone(socket: ServerWebSocket): void {
    if (this.daemon !== socket) return;
    this.daemon = undefined;
    this.logger.warn({ readers: this.readers }, 'the daemon left the hub; closing event streams');
    for (const end of [...this.onDaemonLost]) end();
  }

  /** A browser's event stream: the app's SSE route over the hub's bus, ended early if the daemon leaves. */
  private stream(request: Request): Response | Promise<Response> {
    if (!this.daemon) return unavailable('no live events until the daemon reconnects');
    const ended = new AbortController();
    request.signal.addEventListener('abort', () => ended.abort(), { once: true });
    const end = () => ended.abort();
    this.onDaemonLost.add(end);
    const counted: LiveEventSource = {
      subscribe: (listener, options) => {
        const unsubscribe = this.bus.subscribe(listener, options);
        this.readers += 1;
        return () => {
          unsubscribe();
          this.readers -= 1;
          this.onDaemonLost.delete(end);
        };
      },
    };
    const routes = eventRoutes({ events: counted, sseHeartbeatMs: SSE_HEARTBEAT_MS });
    return routes.fetch(new Request(request, { signal: ended.signal }));
  }

  /** Answers with the job once it is done or failed, as the hub hears it from the daemon. */
  private waitFor(id: string, signal: AbortSignal): Response | Promise<Response> {
    const known = this.jobs.get(id);
    if (known && isTerminal(known)) return Response.json(known);
    if (!this.daemon) return unavailable(`job ${id} cannot be followed until the daemon reconnects`);
    return new Promise((resolve) => {
      const done = (response: Response) => {
        unsubscribe();
        this.onDaemonLost.delete(lost);
        resolve(response);
      };
      const unsubscribe = this.bus.subscribe((event) => {
        if (event.type === 'job' && event.job.id === id && isTerminal(event.job)) done(Response.json(event.job));
      });
      const lost = () => done(unavailable(`the daemon left while job ${id} ran; it may still finish: see GET /api/jobs/${id} once the daemon is back`));
      this.onDaemonLost.add(lost);
      signal.addEventListener('abort', () => done(new Response(null, { status: 499 })), { once: true });
    });
  }
}

function unavailable(reason: string): Response {
  const { code, message } = daemonUnavailable(reason);
  return Response.json(errorBody(code, message), { status: 503 });
}
