import { describe, expect, it } from 'vitest';
import { createApp } from '../create-app.js';
import { SEED_REQUEST, fakeDeps } from '../test-support/fake-deps.js';
import { constantTimeEqual } from './bearer-auth.js';

const URL_1 = '/api/actors/1/regenerate-poster-frame';
const TOKEN = 's3cret-token';

function post(authorization?: string): RequestInit {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (authorization !== undefined) headers.Authorization = authorization;
  return { method: 'POST', headers, body: JSON.stringify(SEED_REQUEST) };
}

describe('bearer auth on mutating routes', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', `Bearer ${TOKEN}x`],
    ['a prefix of the token', 'Bearer s3cret'],
    ['another scheme', `Basic ${TOKEN}`],
  ])('answers 401 unauthorized with %s', async (_case, authorization) => {
    const deps = fakeDeps({ apiToken: TOKEN });
    const res = await createApp(deps).request(URL_1, post(authorization));

    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({ success: false, error: 'unauthorized', message: expect.stringContaining('API_TOKEN') });
    expect(deps.jobs.submitted).toEqual([]);
  });

  it('lets a request with the right token through', async () => {
    const res = await createApp(fakeDeps({ apiToken: TOKEN })).request(URL_1, post(`Bearer ${TOKEN}`));

    expect(res.status).toBe(200);
  });

  it('keeps reads open when a token is set', async () => {
    const res = await createApp(fakeDeps({ apiToken: TOKEN })).request('/api/actors');

    expect(res.status).toBe(200);
  });

  it('needs no token when none is configured', async () => {
    const res = await createApp(fakeDeps()).request(URL_1, post());

    expect(res.status).toBe(200);
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
    ['abc', 'abcd', false],
    ['abc', '', false],
    ['', '', true],
  ])('compares %j with %j as %s', (expected, given, equal) => {
    expect(constantTimeEqual(expected, given)).toBe(equal);
  });
});
