import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/api-types.js';
import { HubJobs } from './hub-jobs.js';

const job = (id: string, fields: Partial<Job> = {}): Job => ({
  id,
  source: 'api',
  mode: 'publish',
  actor_id: id,
  actor_name: `actor_${id}`,
  request: { actor_name: `actor_${id}`, lora_model_url: 's3://m/x.safetensors' },
  status: 'queued',
  stage: 'queued',
  percent: 0,
  created_at: `2026-01-01T00:00:${id.padStart(2, '0')}.000Z`,
  updated_at: '2026-01-01T00:01:00.000Z',
  ...fields,
});

describe("HubJobs (the hub's view of the daemon's jobs)", () => {
  it('lists the most recent first, like the daemon', () => {
    const jobs = new HubJobs();
    for (const id of ['1', '3', '2']) jobs.put(job(id));
    expect(jobs.list().jobs.map((j) => j.id)).toEqual(['3', '2', '1']);
    const first = jobs.list({ limit: 2 });
    expect(first.jobs.map((j) => j.id)).toEqual(['3', '2']);
    expect(jobs.list({ limit: 2, cursor: first.next_cursor! })).toMatchObject({ jobs: [{ id: '1' }], next_cursor: null });
  });

  it('filters by status, actor and batch like the daemon', () => {
    const jobs = new HubJobs();
    jobs.put(job('1', { status: 'failed', batch_id: 'b1' }));
    jobs.put(job('2', { status: 'done', batch_id: 'b1' }));
    jobs.put(job('3', { status: 'failed' }));
    expect(jobs.list({ status: 'failed' }).jobs.map((j) => j.id)).toEqual(['3', '1']);
    expect(jobs.list({ batch: 'b1', status: 'failed' }).jobs.map((j) => j.id)).toEqual(['1']);
    expect(jobs.list({ actor: '2' }).jobs.map((j) => j.id)).toEqual(['2']);
  });

  it('never goes back in time: an older copy (the connect-time list racing a live event) is ignored', () => {
    const jobs = new HubJobs();
    jobs.put(job('1', { status: 'done', updated_at: '2026-01-01T00:02:00.000Z' }));
    jobs.put(job('1', { status: 'running', updated_at: '2026-01-01T00:01:30.000Z' }));
    expect(jobs.get('1')?.status).toBe('done');
  });

  it('keeps 200 jobs, forgetting the oldest finished one first', () => {
    const jobs = new HubJobs();
    jobs.put(job('0', { status: 'running' }));
    for (let i = 1; i <= 200; i++) jobs.put(job(String(i), { status: 'done' }));
    expect(jobs.get('0')?.status).toBe('running');
    expect(jobs.get('1')).toBeUndefined();
    expect(jobs.list({ limit: 1000 }).jobs).toHaveLength(200);
  });
});
