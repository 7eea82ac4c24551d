import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { rateLimit } from './index.js';

function appWith(perMinute: number) {
  const clock = { now: 1_000_000 };
  const app = new Hono();
  app.use(rateLimit({ perMinute, clientAddress: (c) => c.req.header('X-Test-Client'), now: () => clock.now }));
  app.all('*', (c) => c.text('ok'));
  const post = (client = 'a') => app.request('/api/actors/1/regenerate-poster-frame', { method: 'POST', headers: { 'X-Test-Client': client } });
  return { app, clock, post };
}

describe('rateLimit', () => {
  it('lets a burst of perMinute through, then answers 429 with Retry-After and a JSON error', async () => {
    const { post } = appWith(3);
    expect([(await post()).status, (await post()).status, (await post()).status]).toEqual([200, 200, 200]);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('20');
    expect(await refused.json()).toMatchObject({ success: false, error: 'rate_limited', message: expect.stringContaining('RATE_LIMIT_PER_MINUTE') });
  });

  it('refills over time: one more request after 60/perMinute seconds', async () => {
    const { post, clock } = appWith(3);
    for (let i = 0; i < 3; i++) await post();
    clock.now += 19_000;
    expect((await post()).status).toBe(429);
    clock.now += 1_000;
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(429);
  });

  it('keeps one bucket per client address', async () => {
    const { post } = appWith(1);
    expect((await post('a')).status).toBe(200);
    expect((await post('a')).status).toBe(429);
    expect((await post('b')).status).toBe(200);
  });

  it('never limits reads', async () => {
    const { app, post } = appWith(1);
    await post();
    const reads = await Promise.all(Array.from({ length: 5 }, () => app.request('/api/jobs', { headers: { 'X-Test-Client': 'a' } })));
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });
});
