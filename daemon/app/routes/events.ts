import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { NumberedEvent } from '../../../shared/api-types.js';
import type { LiveEventSource } from '../app-deps.js';
import type { ConnectionCap } from '../middleware/connection-cap/index.js';

/** How long a browser waits before reconnecting after the stream drops (the SSE `retry:` hint). */
const RETRY_MS = 3000;

/**
 * `GET /api/events`: live `job` and `actor` events as server-sent events. Each carries the bus's id,
 * so a reconnecting client (its `Last-Event-ID` header, or `?lastEventId=` where headers cannot be
 * set) gets the events it missed, as far back as the bus keeps them — and a `reset` event (reload
 * everything) when they reach back further.
 */
export function eventRoutes({ events, sseHeartbeatMs }: { events: LiveEventSource; sseHeartbeatMs: number }, cap?: ConnectionCap): Hono {
  const app = new Hono();

  app.get('/api/events', (c) => {
    const after = parseEventId(c.req.header('Last-Event-ID') ?? c.req.query('lastEventId'));
    const signal = c.req.raw.signal;
    // Taken before the stream starts, so a full daemon can still answer 503 with a JSON body.
    const release = cap?.acquire();

    return streamSSE(c, async (stream) => {
      const send = serialized(stream);
      send(`retry: ${RETRY_MS}\n\n`);
      const unsubscribe = events.subscribe((event) => send(frameOf(event)), { after });
      // A comment line keeps proxies and the browser from timing out an idle connection.
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), sseHeartbeatMs);
      try {
        await closed(stream, signal);
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        release?.();
      }
    });
  });

  return app;
}

/**
 * The bus hands every client the same event object, so its frame is made once: with many clients and a
 * busy batch, each client's backlog then holds references to one string instead of its own copies.
 */
const frames = new WeakMap<NumberedEvent, string>();

function frameOf(event: NumberedEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    frame = serializeFrame(event);
    frames.set(event, frame);
  }
  return frame;
}

function serializeFrame(event: NumberedEvent): string {
  const payload = (() => {
    switch (event.type) {
      case 'job':
        return event.job;
      case 'actor':
        return event.actor;
      case 'batch':
        return event.batch;
      case 'reset':
        return { reason: event.reason };
    }
  })();
  // JSON.stringify never emits a raw newline, so the payload is always a single `data:` line.
  return `event: ${event.type}\nid: ${event.id}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/**
 * Frames a client has not yet taken before it is dropped. A client that stops reading (a frozen tab)
 * would otherwise make the daemon buffer every event for it; once dropped, it reconnects with
 * Last-Event-ID and catches up from the bus. Well above the bus's replay (its last 1000 events), or a
 * client resuming from far back would be dropped by its own replay, reconnect, and be dropped again.
 */
const MAX_PENDING_FRAMES = 3000;

/** The bus delivers synchronously but writes are async: chain them so frames leave in publish order. */
function serialized(stream: SSEStreamingApi): (frame: string) => void {
  let last = Promise.resolve();
  let pending = 0;
  return (frame) => {
    if (pending >= MAX_PENDING_FRAMES) return stream.abort();
    pending += 1;
    last = last
      .then(async () => {
        await stream.write(frame);
      })
      .finally(() => {
        pending -= 1;
      });
  };
}

/** Resolves when the client goes away: the response stream is cancelled or the request aborted. */
function closed(stream: SSEStreamingApi, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || stream.aborted) return resolve();
    stream.onAbort(resolve);
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function parseEventId(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return undefined;
  const id = Number(raw.trim());
  return Number.isSafeInteger(id) ? id : undefined;
}
