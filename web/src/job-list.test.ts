import { describe, expect, it } from 'vitest';
import { activeJobsByActor, failedJobsByActor, mergeJobs, upsertJob } from './job-list.js';
import { makeJob } from './test-fixtures.js';

describe('upsertJob', () => {
  it('adds a new job in most-recent-first order', () => {
    const older = makeJob({ id: 'a', created_at: '2026-01-01T10:00:00Z' });
    const newer = makeJob({ id: 'b', created_at: '2026-01-01T11:00:00Z' });
    expect(upsertJob([older], newer).map((j) => j.id)).toEqual(['b', 'a']);
    expect(upsertJob([newer], older).map((j) => j.id)).toEqual(['b', 'a']);
  });

  it('replaces a job with a newer copy of itself', () => {
    const first = makeJob({ percent: 10, updated_at: '2026-01-01T10:00:01Z' });
    const later = makeJob({ percent: 60, updated_at: '2026-01-01T10:00:05Z' });
    expect(upsertJob([first], later)).toEqual([later]);
  });

  it('keeps the held copy when an older one arrives late', () => {
    const done = makeJob({ status: 'done', updated_at: '2026-01-01T10:00:09Z' });
    const stale = makeJob({ status: 'running', updated_at: '2026-01-01T10:00:02Z' });
    expect(upsertJob([done], stale)).toEqual([done]);
  });

  it('keeps at most `limit` finished jobs, dropping the oldest', () => {
    const jobs = ['1', '2', '3'].map((n) => makeJob({ id: n, status: 'done', created_at: `2026-01-01T10:00:0${n}Z` }));
    const list = jobs.reduce((acc, job) => upsertJob(acc, job, 2), [] as ReturnType<typeof upsertJob>);
    expect(list.map((j) => j.id)).toEqual(['3', '2']);
  });

  it('keeps every queued or running job beyond the limit, so each busy card of a large batch stays busy', () => {
    const batch = ['1', '2', '3', '4'].map((n) => makeJob({ id: n, actor_id: n, status: 'queued', created_at: `2026-01-01T10:00:0${n}Z` }));
    const list = batch.reduce((acc, job) => upsertJob(acc, job, 2), [] as ReturnType<typeof upsertJob>);
    expect(list.map((j) => j.id)).toEqual(['4', '3', '2', '1']);
    const finished = upsertJob(list, { ...batch[0]!, status: 'done', updated_at: '2026-01-01T10:01:00Z' }, 2);
    expect(finished.map((j) => j.id)).toEqual(['4', '3', '2']);
  });
});

describe('mergeJobs', () => {
  it('merges a fetched list without rolling back newer live state', () => {
    const live = makeJob({ id: 'a', status: 'done', updated_at: '2026-01-01T10:00:09Z' });
    const fetchedA = makeJob({ id: 'a', status: 'running', updated_at: '2026-01-01T10:00:01Z' });
    const fetchedB = makeJob({ id: 'b', created_at: '2026-01-01T09:00:00Z' });
    expect(mergeJobs([live], [fetchedA, fetchedB])).toEqual([live, fetchedB]);
  });
});

describe('activeJobsByActor', () => {
  it('maps each actor to its newest queued or running job, ignoring finished ones', () => {
    const jobs = [
      makeJob({ id: 'new', actor_id: '1', status: 'queued', created_at: '2026-01-01T12:00:00Z' }),
      makeJob({ id: 'old', actor_id: '1', status: 'running', created_at: '2026-01-01T11:00:00Z' }),
      makeJob({ id: 'done', actor_id: '2', status: 'done' }),
      makeJob({ id: 'failed', actor_id: '3', status: 'failed' }),
      makeJob({ id: 'cli', actor_id: '4', status: 'running', source: 'cli' }),
    ];
    const active = activeJobsByActor(jobs);
    expect([...active].map(([actor, job]) => [actor, job.id])).toEqual([
      ['1', 'new'],
      ['4', 'cli'],
    ]);
  });
});

describe('failedJobsByActor', () => {
  it('maps each actor whose newest job failed to that job; a newer job of any other outcome clears it', () => {
    const jobs = [
      makeJob({ id: 'retry', actor_id: '1', status: 'queued', created_at: '2026-01-01T12:00:00Z' }),
      makeJob({ id: 'failed-1', actor_id: '1', status: 'failed', created_at: '2026-01-01T11:00:00Z' }),
      makeJob({ id: 'failed-2', actor_id: '2', status: 'failed', error: { error: 'generation_failed', message: 'CUDA out of memory' } }),
      makeJob({ id: 'cancelled', actor_id: '3', status: 'cancelled', created_at: '2026-01-01T12:00:00Z' }),
      makeJob({ id: 'failed-3', actor_id: '3', status: 'failed', created_at: '2026-01-01T11:00:00Z' }),
    ];
    expect([...failedJobsByActor(jobs)].map(([actor, job]) => [actor, job.id])).toEqual([['2', 'failed-2']]);
  });
});
