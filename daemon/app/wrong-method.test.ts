import { describe, expect, it } from 'vitest';
import type { ServerInfo } from '../../shared/api-types.js';
import type { VersionsApi } from './app-deps.js';
import { createApp } from './create-app.js';
import { fakeBatches, fakeDeps } from './test-support/fake-deps.js';

const app = createApp(
  fakeDeps({
    media: async () => null,
    assets: async (path) => (path === '/index.html' ? new Response('ui') : null),
    info: async () => ({}) as ServerInfo,
    styles: [],
    versions: {} as VersionsApi,
    batches: fakeBatches(),
  }),
);

describe('a wrong method on a known route', () => {
  it.each([
    ['GET', '/api/actors/1/regenerate-poster-frame', 'POST'],
    ['PUT', '/api/actors/1/regenerate-poster-frame', 'POST'],
    ['POST', '/api/actors', 'GET, HEAD'],
    ['DELETE', '/api/actors/1', 'GET, HEAD'],
    ['POST', '/api/jobs', 'GET, HEAD'],
    ['PATCH', '/api/jobs/job_1', 'GET, HEAD'],
    ['GET', '/api/jobs/job_1/cancel', 'POST'],
    ['GET', '/api/jobs/job_1/accept', 'POST'],
    ['DELETE', '/api/jobs/job_1/discard', 'POST'],
    ['POST', '/api/actors/1/history', 'GET, HEAD'],
    ['GET', '/api/actors/1/revert', 'POST'],
    ['DELETE', '/api/batches', 'GET, HEAD, POST'],
    ['PUT', '/api/batches/batch_1', 'GET, HEAD'],
    ['GET', '/api/batches/batch_1/cancel', 'POST'],
    ['GET', '/api/batches/batch_1/retry', 'POST'],
    ['POST', '/api/events', 'GET, HEAD'],
    ['POST', '/api/info', 'GET, HEAD'],
    ['PUT', '/api/styles', 'GET, HEAD'],
    ['POST', '/healthz', 'GET, HEAD'],
    ['DELETE', '/media/actors/a/poster_frame/a_poster_sm.webp', 'GET, HEAD'],
    ['POST', '/', 'GET, HEAD'],
  ])('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
    const res = await app.request(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe(allow);
    expect(await res.json()).toStrictEqual({
      success: false,
      error: 'method_not_allowed',
      message: `Expected ${allow} for ${path} but received ${method}`,
    });
  });

  it('answers OPTIONS with 204 and the allowed methods', async () => {
    const res = await app.request('/api/actors/1/regenerate-poster-frame', { method: 'OPTIONS' });
    expect([res.status, res.headers.get('Allow')]).toEqual([204, 'POST']);
  });

  it.each([
    ['GET', '/api/nothing-here'],
    ['POST', '/api/actors/1/something-else'],
  ])('%s %s, an unknown route, is still a 404', async (method, path) => {
    const res = await app.request(path, { method });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it('leaves the allowed methods alone, HEAD included', async () => {
    expect((await app.request('/api/actors')).status).toBe(200);
    expect((await app.request('/healthz', { method: 'HEAD' })).status).toBe(200);
  });
});
