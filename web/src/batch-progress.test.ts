import { describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../shared/api-types.js';
import { batchProgress, batchText } from './batch-progress.js';
import { makeJob } from './test-fixtures.js';

const summary = (overrides: Partial<BatchSummary> = {}): BatchSummary => ({
  id: 'b1',
  source: 'api',
  mode: 'publish',
  status: 'running',
  totals: { total: 3, queued: 3, running: 0, done: 0, failed: 0, cancelled: 0 },
  percent: 0,
  created_at: '2026-01-01T10:00:00.000Z',
  updated_at: '2026-01-01T10:00:00.000Z',
  ...overrides,
});

describe('batchText', () => {
  it('names the counts that are not zero, after the same percent the bar shows', () => {
    expect(batchText(43, { total: 30, queued: 15, running: 2, done: 12, failed: 1, cancelled: 0 })).toBe('43% · 12 of 30 done · 1 failed · 17 to go');
    expect(batchText(100, { total: 30, queued: 0, running: 0, done: 27, failed: 3, cancelled: 0 })).toBe('100% · 27 of 30 done · 3 failed');
  });
});

describe('batchProgress', () => {
  it('counts the jobs itself when the page holds every job of the batch', () => {
    const jobs = [
      makeJob({ id: 'a', batch_id: 'b1', status: 'done', stage: 'saving', percent: 100 }),
      makeJob({ id: 'b', batch_id: 'b1', status: 'running', stage: 'generating', percent: 50 }),
      makeJob({ id: 'c', batch_id: 'b1', status: 'queued', stage: 'queued', percent: 0 }),
      makeJob({ id: 'other', batch_id: 'b2', status: 'failed' }),
    ];
    const progress = batchProgress(summary(), jobs);
    expect(progress.percent).toBe(Math.round((100 + 43 + 0) / 3));
    expect(progress.totals).toEqual({ total: 3, queued: 1, running: 1, done: 1, failed: 0, cancelled: 0 });
    expect(progress.text).toBe(`${progress.percent}% · 1 of 3 done · 2 to go`);
    expect(progress.settled).toBe(false);
  });

  it("shows the daemon's summary when the page holds only some of the batch", () => {
    const totals = { total: 10_000, queued: 5000, running: 4, done: 4990, failed: 6, cancelled: 0 };
    const progress = batchProgress(summary({ totals, percent: 50 }), [makeJob({ batch_id: 'b1' })]);
    expect(progress).toEqual({ percent: 50, totals, text: '50% · 4,990 of 10,000 done · 6 failed · 5,004 to go', settled: false, status: 'running' });
  });

  it('is settled once the daemon says so or every held job has ended', () => {
    expect(batchProgress(summary({ status: 'cancelled' }), []).settled).toBe(true);
    const ended = ['a', 'b', 'c'].map((id) => makeJob({ id, batch_id: 'b1', status: id === 'a' ? 'failed' : 'done' }));
    expect(batchProgress(summary(), ended)).toMatchObject({ percent: 100, settled: true, status: 'failed', text: '100% · 2 of 3 done · 1 failed' });
  });
});
