import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './index.js';

const app = new Hono();
app.use(securityHeaders(['https://posters.s3.us-west-1.amazonaws.com']));
app.get('/', (c) => c.html('<!doctype html><title>ui</title>'));

const directives = (csp: string | null) =>
  new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

describe('securityHeaders', () => {
  it('sends nosniff, no referrer, no framing and no HSTS on plain HTTP', async () => {
    const res = await app.request('/');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('Strict-Transport-Security')).toBeNull();
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBeNull();
  });

  it('sends a CSP: scripts only from self (no inline), images from self and the media origins, frame-ancestors none', async () => {
    const csp = directives((await app.request('/')).headers.get('Content-Security-Policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'https://posters.s3.us-west-1.amazonaws.com']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });
});
