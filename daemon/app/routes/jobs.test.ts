import { describe, expect, it } from 'vitest';
import type { Job, JobsPage } from '../../../shared/api-types.js';
import { createApp } from '../create-app.js';
import { ACTORS, fakeDeps, SEED_REQUEST } from '../test-support/fake-deps.js';

async function withJobs(count: number) {
  const deps = fakeDeps();
  for (let i = 0; i < count; i++) await deps.jobs.submit({ source: 'cli', actor: ACTORS[i % 2]!, request: SEED_REQUEST });
  return { deps, app: createApp(deps) };
}
const ids = (page: JobsPage) => page.jobs.map((job) => job.id);

describe('GET /api/jobs', () => {
  it('answers a JobsPage, most recent first, and walks the pages with next_cursor', async () => {
    const { app } = await withJobs(3);
    const first = (await (await app.request('/api/jobs?limit=2')).json()) as JobsPage;
    expect(ids(first)).toEqual(['job-3', 'job-2']);
    const second = (await (await app.request(`/api/jobs?limit=2&cursor=${encodeURIComponent(first.next_cursor!)}`)).json()) as JobsPage;
    expect(second).toMatchObject({ next_cursor: null });
    expect(ids(second)).toEqual(['job-1']);
  });

  it('filters by status, actor and batch', async () => {
    const { deps, app } = await withJobs(4);
    Object.assign(deps.jobs.jobs.get('job-1')!, { status: 'failed', batch_id: 'batch_a' });
    Object.assign(deps.jobs.jobs.get('job-3')!, { status: 'failed' });
    const page = async (query: string) => ids((await (await app.request(`/api/jobs?${query}`)).json()) as JobsPage);
    expect(await page('status=failed')).toEqual(['job-3', 'job-1']);
    expect(await page('actor=2')).toEqual(['job-4', 'job-2']);
    expect(await page('batch=batch_a&status=failed')).toEqual(['job-1']);
  });

  it.each([
    ['limit=0', 'Expected an integer from 1 to 1000 for limit but received "0"'],
    ['limit=2.5', 'Expected an integer from 1 to 1000 for limit but received "2.5"'],
    ['limit=100000', 'Expected an integer from 1 to 1000 for limit but received "100000"'],
    ['status=paused', 'Expected one of queued, running, done, failed, cancelled for status but received "paused"'],
    ['cursor=abc', 'Expected the next_cursor of an earlier page for cursor but received "abc"'],
  ])('?%s answers 400 naming the parameter', async (query, message) => {
    const res = await createApp(fakeDeps()).request(`/api/jobs?${query}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toStrictEqual({ success: false, error: 'invalid_request', message });
  });
});

describe('POST /api/jobs/:id/cancel', () => {
  it('answers the cancelled job', async () => {
    const { app } = await withJobs(1);
    const res = await app.request('/api/jobs/job-1/cancel', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, job: { id: 'job-1', status: 'cancelled', error: { error: 'cancelled' } } });
  });

  it('answers 409 conflict for a finished job and 404 for an unknown one', async () => {
    const { deps, app } = await withJobs(1);
    (deps.jobs.jobs.get('job-1') as Job).status = 'done';
    const finished = await app.request('/api/jobs/job-1/cancel', { method: 'POST' });
    expect(finished.status).toBe(409);
    expect(await finished.json()).toMatchObject({ error: 'conflict', message: 'Expected a queued or running job to cancel but job job-1 is done' });
    expect((await app.request('/api/jobs/nope/cancel', { method: 'POST' })).status).toBe(404);
  });
});
