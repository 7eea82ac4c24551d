import { describe, expect, it } from 'vitest';
import { createApp } from '../../create-app.js';
import { fakeDeps } from '../../test-support/fake-deps.js';
import { connectionCap } from './index.js';

describe('connectionCap', () => {
  it('hands out max slots, refuses the next with too_many_connections, and frees a slot once (double release ignored)', () => {
    const cap = connectionCap(2);
    const first = cap.acquire();
    cap.acquire();
    expect(() => cap.acquire()).toThrow(expect.objectContaining({ code: 'too_many_connections', message: expect.stringContaining('SSE_MAX_CLIENTS') }));
    first();
    first();
    expect(cap.open).toBe(1);
  });
});

describe('GET /api/events with SSE_MAX_CLIENTS', () => {
  it('answers 503 with a JSON error when full, and takes a client again once one leaves', async () => {
    const app = createApp(fakeDeps({ security: { sseMaxClients: 2 } }));
    const open = () => app.request('/api/events');
    const [a, b] = [await open(), await open()];
    expect([a.status, b.status]).toEqual([200, 200]);

    const refused = await open();
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ success: false, error: 'too_many_connections' });

    await a.body!.cancel();
    let again = await open();
    // The slot is given back when the stream's close reaches the route; wait for that, not a fixed time.
    while (again.status === 503) again = await new Promise<Response>((resolve) => setTimeout(() => resolve(open()), 10));
    expect(again.status).toBe(200);
    await Promise.all([b.body!.cancel(), again.body!.cancel()]);
  });
});
