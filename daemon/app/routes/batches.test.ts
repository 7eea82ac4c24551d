import { describe, expect, it } from 'vitest';
import { createApp } from '../create-app.js';
import { fakeBatches, fakeDeps } from '../test-support/fake-deps.js';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('/api/batches', () => {
  it('POST answers 202 with the batch id, status URL and total, and Location; the CLI header sets the source', async () => {
    const batches = fakeBatches();
    const app = createApp(fakeDeps({ batches }));
    const res = await app.request('/api/batches', json({ actor_ids: [1, '2'], params: { seed: 7 } }, { 'X-Posterframe-Client': 'cli' }));
    expect(res.status).toBe(202);
    expect(await res.json()).toStrictEqual({ batch_id: 'batch_1', status_url: '/api/batches/batch_1', total: 2 });
    expect(res.headers.get('Location')).toBe('/api/batches/batch_1');
    expect(batches.created).toEqual([{ request: { actor_ids: [1, '2'], params: { seed: 7 } }, source: 'cli' }]);
  });

  it.each([
    [{}, 'actor_ids', 'Expected "all" or an array of 1 to 100000 actor ids for actor_ids but received nothing (the field is missing)'],
    [{ actor_ids: [] }, 'actor_ids', 'Expected "all" or an array of 1 to 100000 actor ids for actor_ids but received an array'],
    [{ actor_ids: 'some' }, 'actor_ids', 'Expected "all" or an array of 1 to 100000 actor ids for actor_ids but received "some"'],
    [{ actor_ids: 'all', mode: 'draft' }, 'mode', 'Expected "publish" or "preview" for mode but received "draft"'],
    [{ actor_ids: 'all', actor_id: 1 }, '(body)', 'Expected only the documented fields in the request body but received unknown field(s): actor_id'],
  ])('POST %j answers 400 naming %s', async (body, field, message) => {
    const res = await createApp(fakeDeps({ batches: fakeBatches() })).request('/api/batches', json(body));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', details: [{ field, message }] });
  });

  it('GET lists, GET /:id answers the batch or 404, cancel answers the batch, retry answers 202 with a new batch', async () => {
    const batches = fakeBatches();
    const app = createApp(fakeDeps({ batches }));
    await app.request('/api/batches', json({ actor_ids: 'all' }));
    expect(await (await app.request('/api/batches')).json()).toMatchObject({ batches: [{ id: 'batch_1' }], next_cursor: null });
    expect(await (await app.request('/api/batches/batch_1')).json()).toMatchObject({ id: 'batch_1', jobs: [] });
    expect((await app.request('/api/batches/nope')).status).toBe(404);
    expect(await (await app.request('/api/batches/batch_1/cancel', { method: 'POST' })).json()).toMatchObject({ id: 'batch_1', status: 'cancelled' });
    const retry = await app.request('/api/batches/batch_1/retry', { method: 'POST' });
    expect(retry.status).toBe(202);
    expect(await retry.json()).toMatchObject({ batch_id: 'batch_2', status_url: '/api/batches/batch_2' });
    expect(batches.created.at(-1)).toMatchObject({ retryOf: 'batch_1', source: 'api' });
    expect((await app.request('/api/batches?limit=0')).status).toBe(400);
  });

  it('is not routed where there is no batch service (the edge)', async () => {
    expect((await createApp(fakeDeps()).request('/api/batches')).status).toBe(404);
  });
});
