import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor, Job, LiveEvent } from '../../shared/api-types.js';
import { createApp } from '../../daemon/app/create-app.js';
import { ACTORS, fakeDeps } from '../../daemon/app/test-support/fake-deps.js';
import { createEventBus, type EventBus } from '../../daemon/events/event-bus.js';
import { openSse, type SseConnection, type SseFrame } from '../support/sse-client.js';
import { startServer, type RunningServer } from './start-server.js';

/** The real bus, counting live subscriptions so a test can see them go away. */
function countingBus(): EventBus & { subscribers: () => number } {
  const bus = createEventBus();
  let subscribers = 0;
  return {
    publish: (event) => bus.publish(event),
    subscribe(listener, options) {
      subscribers++;
      const unsubscribe = bus.subscribe(listener, options);
      return () => {
        subscribers--;
        unsubscribe();
      };
    },
    subscribers: () => subscribers,
  };
}

function jobEvent(n: number): LiveEvent {
  const job = { id: `job-${n}`, status: 'running', stage: 'encoding', percent: n * 10 } as Job;
  return { type: 'job', job };
}

const isEvent = (frame: SseFrame) => frame.event !== undefined;

function expectFrameOf(frame: SseFrame, event: LiveEvent & { id: number }): void {
  expect(frame.event).toBe(event.type);
  expect(frame.id).toBe(String(event.id));
  expect(JSON.parse(frame.data ?? '')).toEqual(event.type === 'job' ? event.job : event.type === 'actor' ? event.actor : event.batch);
}

describe('GET /api/events over real HTTP', () => {
  let server: RunningServer;
  const connections: SseConnection[] = [];

  async function start(options: { heartbeatMs?: number } = {}) {
    const events = countingBus();
    server = await startServer(createApp(fakeDeps({ events, sseHeartbeatMs: options.heartbeatMs ?? 60_000 })));
    return events;
  }

  /** Opens a stream and waits for its first frame, the retry hint, which is sent once subscribed. */
  async function connect(path = '/api/events', lastEventId?: string): Promise<SseConnection> {
    const sse = await openSse(`${server.url}${path}`, { lastEventId });
    connections.push(sse);
    expect(await sse.next()).toEqual({ retry: 3000, comments: [] });
    return sse;
  }

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((c) => c.close()));
    await server.close();
  });

  it('answers with an event stream that is not cached', async () => {
    await start();
    const sse = await connect();

    expect(sse.response.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    expect(sse.response.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('sends published job and actor events in order, with the bus ids', async () => {
    const events = await start();
    const sse = await connect();

    const actor: Actor = { ...ACTORS[0]!, poster_updated_at: '2025-01-01T00:00:00.000Z' };
    const published = [events.publish(jobEvent(1)), events.publish(jobEvent(2)), events.publish({ type: 'actor', actor }), events.publish(jobEvent(3))];

    for (const event of published) expectFrameOf(await sse.nextMatching(isEvent), event);
  });

  it('serialises an event once, however many clients it goes to', async () => {
    const events = await start();
    const clients = await Promise.all([connect(), connect(), connect()]);
    let serialised = 0;
    const job = {
      toJSON() {
        serialised += 1;
        return { id: 'job-1', status: 'running' };
      },
    } as unknown as Job;
    events.publish({ type: 'job', job });
    for (const client of clients) expect(JSON.parse((await client.next()).data ?? '')).toEqual({ id: 'job-1', status: 'running' });
    expect(serialised).toBe(1);
  });

  it('sends heartbeats while idle', async () => {
    await start({ heartbeatMs: 20 });
    const sse = await connect();

    expect(await sse.next()).toEqual({ comments: ['heartbeat'] });
    expect(await sse.next()).toEqual({ comments: ['heartbeat'] });
  });

  it.each([
    ['the Last-Event-ID header', (id: number) => ({ path: '/api/events', lastEventId: String(id) })],
    ['the lastEventId query', (id: number) => ({ path: `/api/events?lastEventId=${id}`, lastEventId: undefined })],
  ])('on reconnect with %s, replays only newer events, then continues live', async (_case, resume) => {
    const events = await start();
    const first = await connect();
    const [e1, e2, e3] = [events.publish(jobEvent(1)), events.publish(jobEvent(2)), events.publish(jobEvent(3))];
    expectFrameOf(await first.nextMatching(isEvent), e1!);
    await first.close();

    const { path, lastEventId } = resume(e1!.id);
    const second = await connect(path, lastEventId);
    expectFrameOf(await second.nextMatching(isEvent), e2!);
    expectFrameOf(await second.nextMatching(isEvent), e3!);
    const e4 = events.publish(jobEvent(4));
    expectFrameOf(await second.nextMatching(isEvent), e4);
  });

  it.each([
    ['older than the kept events', (first: number) => first],
    ['from an earlier run of the daemon', (first: number) => first - 5_000_000],
    ['newer than any event (a clock that went back)', (first: number) => first + 5_000_000],
  ])('with a Last-Event-ID %s, sends a reset instead of a silent gap, then continues live', async (_case, staleId) => {
    const events = await start();
    const first = events.publish(jobEvent(0));
    let last = first;
    for (let n = 1; n <= 1001; n++) last = events.publish(jobEvent(n));

    const sse = await connect('/api/events', String(staleId(first.id)));
    const reset = await sse.nextMatching(isEvent);
    expect(reset.event).toBe('reset');
    expect(reset.id).toBe(String(last.id));
    expect(JSON.parse(reset.data ?? '')).toEqual({ reason: expect.stringContaining('reload actors and jobs') });
    const next = events.publish(jobEvent(1002));
    expectFrameOf(await sse.nextMatching(isEvent), next);

    // Resuming from the reset's id replays nothing missed and needs no second reset.
    await sse.close();
    const resumed = await connect('/api/events', reset.id);
    expectFrameOf(await resumed.nextMatching(isEvent), next);
  });

  it('replays, without a reset and without dropping the client, all 1000 kept events', async () => {
    const events = await start();
    const published = Array.from({ length: 1001 }, (_, n) => events.publish(jobEvent(n)));
    const sse = await connect('/api/events', String(published[0]!.id));
    for (const event of published.slice(1)) expectFrameOf(await sse.nextMatching(isEvent), event);
  });

  it('without a Last-Event-ID, sends only events published after connecting', async () => {
    const events = await start();
    events.publish(jobEvent(1));
    const sse = await connect();
    const e2 = events.publish(jobEvent(2));

    expectFrameOf(await sse.nextMatching(isEvent), e2);
  });

  it('unsubscribes from the bus when the client disconnects', async () => {
    const events = await start({ heartbeatMs: 20 });
    const a = await connect();
    await connect();
    expect(events.subscribers()).toBe(2);

    await a.close();

    await vi.waitFor(() => expect(events.subscribers()).toBe(1));
  });

  it('drops a client that stops reading instead of buffering events for it without end', async () => {
    const events = await start();
    const { port } = new URL(server.url);
    const stalled = net.connect(Number(port), '127.0.0.1');
    stalled.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`);
    stalled.pause();
    try {
      await vi.waitFor(() => expect(events.subscribers()).toBe(1));
      const big = { type: 'actor', actor: { ...ACTORS[0]!, padding: 'x'.repeat(16 * 1024) } } as LiveEvent;
      // Far more than the socket buffers hold: the frames pile up in the daemon until the cap drops the client.
      for (let i = 0; i < 6000 && events.subscribers() > 0; i++) {
        events.publish(big);
        if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await vi.waitFor(() => expect(events.subscribers()).toBe(0));
    } finally {
      stalled.destroy();
    }
  });
});
