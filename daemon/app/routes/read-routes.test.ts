import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../errors.js';
import { createApp } from '../create-app.js';
import { ACTORS, SEED_REQUEST, fakeActorsStore, fakeDeps } from '../test-support/fake-deps.js';

describe('read routes', () => {
  it('GET /api/actors answers the actors array', async () => {
    const res = await createApp(fakeDeps()).request('/api/actors');

    expect(res.status).toBe(200);
    expect(await res.json()).toStrictEqual(ACTORS);
  });

  it.each(['2', '0002_african_30_male'])('GET /api/actors/%s answers that actor', async (key) => {
    const res = await createApp(fakeDeps()).request(`/api/actors/${key}`);

    expect(await res.json()).toStrictEqual(ACTORS[1]);
  });

  it('GET /api/actors/:id answers 404 actor_not_found for an unknown actor', async () => {
    const res = await createApp(fakeDeps()).request('/api/actors/42');

    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ success: false, error: 'actor_not_found' });
  });

  it("answers 500 with the store's message when actorsData.json is corrupt", async () => {
    const actors = fakeActorsStore();
    actors.listBlocks = async () => {
      throw new PipelineError('actors_file_corrupt', 'actorsData.json is not valid JSON; fix or restore it');
    };
    const res = await createApp(fakeDeps({ actors })).request('/api/actors');

    expect(res.status).toBe(500);
    expect(await res.json()).toStrictEqual({
      success: false,
      error: 'actors_file_corrupt',
      message: 'actorsData.json is not valid JSON; fix or restore it',
    });
  });

  it('GET /api/jobs/:id answers the job, or 404 not_found', async () => {
    const deps = fakeDeps();
    const { job } = await deps.jobs.submit({ source: 'api', actor: ACTORS[0]!, request: SEED_REQUEST });
    const app = createApp(deps);

    expect(await (await app.request(`/api/jobs/${job.id}`)).json()).toStrictEqual(job);
    const missing = await app.request('/api/jobs/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ success: false, error: 'not_found' });
  });

  it('GET /healthz answers ok and the instance id of DATA_DIR/daemon.json', async () => {
    const res = await createApp(fakeDeps({ instanceId: 'instance-1' })).request('/healthz');

    expect(await res.json()).toStrictEqual({ ok: true, instance_id: 'instance-1' });
  });

  it.each([
    ['GET', '/api/nothing-here'],
    ['DELETE', '/api/actors/1/poster'],
  ])('%s %s, no route, answers 404 JSON', async (method, path) => {
    const res = await createApp(fakeDeps()).request(path, { method });

    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ success: false, error: 'not_found' });
  });
});
