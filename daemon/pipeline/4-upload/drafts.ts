import type { LimitFunction } from 'p-limit';
import type { PosterSize } from '../../../shared/api-types.js';
import { draftKey, posterKey, SIZES } from './keys.js';
import type { Storage } from './storage.js';

/**
 * A job's output is uploaded to its own draft keys first and only copied over the canonical keys once
 * all three sizes are there. Until then the published poster is untouched, whatever happens to the
 * job; the copy itself is short and idempotent, so a job interrupted during it simply repeats it.
 */

const WEBP = 'image/webp';

/** Uploads the sizes to the job's draft keys, in parallel under `limit`; `onUploaded` counts finished files. */
export async function uploadDraft(
  storage: Storage,
  limit: LimitFunction,
  target: { actorName: string; jobId: string },
  sizes: Record<PosterSize, Uint8Array>,
  onUploaded: (done: number, total: number) => void,
): Promise<void> {
  let done = 0;
  await Promise.all(
    SIZES.map((size) =>
      limit(async () => {
        await storage.put(draftKey(target.actorName, target.jobId, size), sizes[size], WEBP);
        onUploaded(++done, SIZES.length);
      }),
    ),
  );
}

/** Copies the job's drafts over the canonical poster keys. */
export async function promoteDraft(storage: Storage, limit: LimitFunction, target: { actorName: string; jobId: string }): Promise<void> {
  await Promise.all(SIZES.map((size) => limit(() => storage.copy(draftKey(target.actorName, target.jobId, size), posterKey(target.actorName, size)))));
}

export async function discardDraft(storage: Storage, target: { actorName: string; jobId: string }): Promise<void> {
  await storage.delete(SIZES.map((size) => draftKey(target.actorName, target.jobId, size)));
}
