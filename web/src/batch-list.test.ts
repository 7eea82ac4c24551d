import { describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../shared/api-types.js';
import { acceptedBatch, shownBatch, upsertBatch } from './batch-list.js';

const batch = (id: string, overrides: Partial<BatchSummary> = {}): BatchSummary => ({
  ...acceptedBatch({ batch_id: id, status_url: `/api/batches/${id}`, total: 2 }, new Date('2026-01-01T10:00:00Z')),
  updated_at: '2026-01-01T10:00:01Z',
  ...overrides,
});

describe('upsertBatch', () => {
  it('keeps batches newest first and a newer copy over an older one, never the reverse', () => {
    const older = batch('a', { created_at: '2026-01-01T09:00:00Z' });
    const newer = batch('b');
    expect(upsertBatch([older], newer).map((b) => b.id)).toEqual(['b', 'a']);
    const done = batch('b', { status: 'done', updated_at: '2026-01-01T10:05:00Z' });
    expect(upsertBatch([done], newer)).toEqual([done]);
    expect(upsertBatch([newer], done)).toEqual([done]);
  });

  it("lets the daemon's first event replace the page's provisional summary", () => {
    const provisional = acceptedBatch({ batch_id: 'b', status_url: '/api/batches/b', total: 30 }, new Date('2026-01-01T10:00:00Z'));
    expect(provisional.totals).toEqual({ total: 30, queued: 30, running: 0, done: 0, failed: 0, cancelled: 0 });
    const live = batch('b', { percent: 12 });
    expect(upsertBatch([provisional], live)).toEqual([live]);
  });
});

describe('shownBatch', () => {
  it('shows the newest running batch, else the newest this page started, else none', () => {
    const running = batch('run', { created_at: '2026-01-01T08:00:00Z' });
    const mine = batch('mine', { status: 'failed' });
    const theirs = batch('theirs', { status: 'done', created_at: '2026-01-01T11:00:00Z' });
    expect(shownBatch([theirs, mine, running], new Set(['mine']))?.id).toBe('run');
    expect(shownBatch([theirs, mine], new Set(['mine']))?.id).toBe('mine');
    expect(shownBatch([theirs, mine], new Set())).toBeUndefined();
  });
});
