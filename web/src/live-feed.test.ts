import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventSource } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../shared/api-types.js';
import { LiveFeed, type EventSourceLike, type FeedState } from './live-feed.js';
import { makeActor, makeJob } from './test-fixtures.js';

/** A loopback SSE endpoint speaking the real protocol; undici's EventSource is the client. */
let server: Server;
let url: string;
let streams: ServerResponse[];
let lastEventIds: (string | undefined)[];
let status: number;
let feed: LiveFeed | undefined;

beforeEach(async () => {
  streams = [];
  lastEventIds = [];
  status = 200;
  server = createServer((req, res) => {
    lastEventIds.push(req.headers['last-event-id'] as string | undefined);
    if (status !== 200) return void res.writeHead(status).end();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write('retry: 20\n\n');
    streams.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/events`;
});

afterEach(async () => {
  feed?.stop();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const createSource = (u: string) => new EventSource(u) as unknown as EventSourceLike;

function until(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (check() ? resolve() : setTimeout(poll, 10));
    poll();
  });
}

describe('LiveFeed', () => {
  it('hands job and actor events to subscribers and reports the connection state', async () => {
    feed = new LiveFeed(url, { createSource });
    const events: LiveEvent[] = [];
    const states: FeedState[] = [];
    feed.subscribe((e) => events.push(e));
    feed.onStateChange((s) => states.push(s));
    feed.start();
    await until(() => streams.length === 1 && feed!.state === 'open');

    const job = makeJob({ status: 'running', stage: 'encoding', percent: 50 });
    const actor = makeActor({ poster_updated_at: '2026-01-01T10:00:00Z' });
    streams[0]!.write(`event: job\nid: 1\ndata: ${JSON.stringify(job)}\n\n`);
    streams[0]!.write(`: heartbeat\n\n`);
    streams[0]!.write(`event: job\nid: 2\ndata: {not json\n\n`);
    streams[0]!.write(`event: actor\nid: 3\ndata: ${JSON.stringify(actor)}\n\n`);
    await until(() => events.length === 2);

    expect(events).toEqual([
      { type: 'job', job },
      { type: 'actor', actor },
    ]);
    expect(states).toEqual(['open']);
  });

  it('tells reset listeners when the daemon sends a reset, and resumes from its id', async () => {
    feed = new LiveFeed(url, { createSource });
    let resets = 0;
    feed.onReset(() => resets++);
    feed.start();
    await until(() => streams.length === 1 && feed!.state === 'open');
    streams[0]!.write(`event: reset\nid: 77\ndata: {"reason":"Events after 5 are no longer kept; reload actors and jobs."}\n\n`);
    await until(() => resets === 1);
    streams[0]!.end();
    await until(() => streams.length === 2);
    expect(lastEventIds).toEqual([undefined, '77']);
  });

  it('goes down when the stream drops and resumes from the last event id', async () => {
    feed = new LiveFeed(url, { createSource });
    const states: FeedState[] = [];
    let received = 0;
    feed.onStateChange((s) => states.push(s));
    feed.subscribe(() => received++);
    feed.start();
    await until(() => streams.length === 1 && feed!.state === 'open');
    streams[0]!.write(`event: job\nid: 41\ndata: ${JSON.stringify(makeJob())}\n\n`);
    await until(() => received === 1);
    streams[0]!.end();

    await until(() => streams.length === 2 && feed!.state === 'open');
    expect(states).toEqual(['open', 'down', 'open']);
    expect(lastEventIds).toEqual([undefined, '41']);
  });

  it('makes a new connection after the server refuses one', async () => {
    status = 503;
    feed = new LiveFeed(url, { createSource, retryMs: 20 });
    feed.start();
    await until(() => feed!.state === 'down');
    status = 200;
    await until(() => feed!.state === 'open');
    expect(lastEventIds.length).toBeGreaterThanOrEqual(2);
  });
});
