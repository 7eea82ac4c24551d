import type { BatchAccepted, BatchSummary } from '../../shared/api-types.js';

/** How many batches a page keeps; the newest first. */
const KEPT_BATCHES = 20;

/**
 * Adds or replaces a batch in a newest-first list; a copy older than the one held is ignored, so a
 * slow fetch cannot roll a batch back.
 *
 * @returns a new array of at most {@link KEPT_BATCHES}
 */
export function upsertBatch(batches: readonly BatchSummary[], batch: BatchSummary): BatchSummary[] {
  const held = batches.find((b) => b.id === batch.id);
  if (held && held.updated_at > batch.updated_at) return [...batches];
  const others = batches.filter((b) => b.id !== batch.id);
  return [batch, ...others].sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, KEPT_BATCHES);
}

/**
 * The summary of a batch this page just started, until the daemon's own `batch` event arrives:
 * everything queued. Its `updated_at` is the epoch, so any copy from the daemon replaces it.
 */
export function acceptedBatch(accepted: BatchAccepted, now: Date): BatchSummary {
  const { batch_id: id, total } = accepted;
  return {
    id,
    source: 'api',
    mode: 'publish',
    status: 'running',
    totals: { total, queued: total, running: 0, done: 0, failed: 0, cancelled: 0 },
    percent: 0,
    created_at: now.toISOString(),
    updated_at: new Date(0).toISOString(),
  };
}

/**
 * The batch whose bar the library shows: the newest that still runs, wherever it was started; else the
 * newest this page started, until its bar is dismissed.
 */
export function shownBatch(batches: readonly BatchSummary[], own: ReadonlySet<string>): BatchSummary | undefined {
  return batches.find((b) => b.status === 'running') ?? batches.find((b) => own.has(b.id));
}
