import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestFor, sampleActors } from '../support/sample-actors.js';
import { openSse } from '../support/sse-client.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';

/** The HTTP protections through a real daemon and socket: Host check, rate limit, SSE cap, headers. */

const actors = sampleActors(2);
let daemon: TestDaemon;

beforeAll(async () => {
  daemon = await startTestDaemon({ actors, env: { RATE_LIMIT_PER_MINUTE: '3', SSE_MAX_CLIENTS: '2', ALLOWED_HOSTS: 'posters.lan' } });
}, 60_000);
afterAll(() => daemon?.dispose());

/** node:http, because fetch will not send a Host header of our choosing. */
function send(
  path: string,
  options: { method?: string; host?: string; body?: unknown } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(daemon.url);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: options.host ?? `127.0.0.1:${port}`, 'Content-Type': 'application/json', Prefer: 'respond-async' },
      },
      (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (chunk: string) => (text += chunk))
          .on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject).end(body);
  });
}

const regenerate = (host?: string) => send('/api/actors/2/regenerate-poster-frame', { method: 'POST', host, body: requestFor(actors[1]!) });

describe('a daemon on loopback', () => {
  it('answers a rebound page (Host: attacker.example) with 421 and starts no job; its own names pass', async () => {
    const refused = await regenerate('attacker.example:80');
    expect(refused.status).toBe(421);
    expect(JSON.parse(refused.body)).toMatchObject({ error: 'misdirected_request' });
    expect((await send('/api/jobs', { host: 'attacker.example' })).status).toBe(421);
    expect(JSON.parse((await send('/api/jobs')).body)).toEqual({ jobs: [], next_cursor: null });
    for (const host of ['localhost', 'posters.lan:8787']) expect((await send('/healthz', { host })).status).toBe(200);
  });

  it('serves the UI with its Content-Security-Policy and security headers', async () => {
    const ui = await send('/');
    expect(ui.status).toBe(200);
    expect(ui.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/);
    expect(ui.headers['x-content-type-options']).toBe('nosniff');
    expect(ui.headers['referrer-policy']).toBe('no-referrer');
  });

  it('caps event streams at SSE_MAX_CLIENTS with 503, and frees a slot when a client disconnects', async () => {
    const [a, b] = [await openSse(`${daemon.url}/api/events`), await openSse(`${daemon.url}/api/events`)];
    const full = await fetch(`${daemon.url}/api/events`);
    expect(full.status).toBe(503);
    expect(await full.json()).toMatchObject({ error: 'too_many_connections' });
    await a.close();
    // Wait for the daemon to notice the disconnect (a condition, not a fixed sleep).
    let again = await fetch(`${daemon.url}/api/events`);
    while (again.status === 503) again = await new Promise<Response>((resolve) => setTimeout(() => resolve(fetch(`${daemon.url}/api/events`)), 20));
    expect(again.status).toBe(200);
    await again.body?.cancel();
    await b.close();
  });

  it('rate-limits mutating requests per client: the 4th POST within a minute gets 429 with Retry-After', async () => {
    // The refused Host above was answered before the limiter; three more POSTs fill the bucket.
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await regenerate()).status);
    expect(statuses.every((status) => status !== 429)).toBe(true);
    const limited = await regenerate();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(limited.body)).toMatchObject({ error: 'rate_limited' });
  });
});
