import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { hostCheck, type HostCheckOptions } from './index.js';

const DEFAULTS = ['127.0.0.1', 'localhost', '::1', 'posters.example.com'];

function appWith(options: HostCheckOptions): Hono {
  const app = new Hono();
  app.use(hostCheck(options));
  app.all('*', (c) => c.text('ok'));
  return app;
}

const send = (app: Hono, host: string, method = 'POST') => app.request('/api/actors/1/regenerate-poster-frame', { method, headers: { Host: host } });

describe('hostCheck', () => {
  it.each([
    '127.0.0.1',
    '127.0.0.1:8787',
    'localhost',
    'LOCALHOST:8787',
    'localhost.',
    '[::1]',
    '[::1]:8787',
    'posters.example.com',
    'posters.example.com:443',
  ])('lets Host %s through', async (host) => {
    expect((await send(appWith({ names: DEFAULTS }), host)).status).toBe(200);
  });

  it.each(['attacker.example', 'attacker.example:8787', 'localhost.attacker.example', '127.0.0.1.nip.io', '10.0.0.5:8787', '[fe80::1]'])(
    'answers Host %s with 421 and a JSON error naming ALLOWED_HOSTS',
    async (host) => {
      const res = await send(appWith({ names: DEFAULTS }), host);
      expect(res.status).toBe(421);
      expect(await res.json()).toMatchObject({
        success: false,
        error: 'misdirected_request',
        message: expect.stringMatching(/^Expected a Host header naming this daemon \(127\.0\.0\.1, localhost.*but received ".*ALLOWED_HOSTS/),
      });
    },
  );

  it('checks reads as well as writes: a rebound page could read the jobs list', async () => {
    expect((await send(appWith({ names: DEFAULTS }), 'attacker.example', 'GET')).status).toBe(421);
  });

  it('accepts any IP address when listening on every interface, but still no foreign name', async () => {
    const app = appWith({ names: DEFAULTS, anyIpAddress: true });
    expect((await send(app, '192.168.1.20:8787')).status).toBe(200);
    expect((await send(app, '[2001:db8::7]:8787')).status).toBe(200);
    expect((await send(app, 'attacker.example')).status).toBe(421);
  });

  it('accepts any host with *', async () => {
    expect((await send(appWith({ names: ['*'] }), 'anything.example')).status).toBe(200);
  });
});
