import type { LimitFunction } from 'p-limit';
import type { PosterSize } from '../../../shared/api-types.js';
import { historyKey, SIZES } from './keys.js';
import type { Storage } from './storage.js';

const WEBP = 'image/webp';

/**
 * Stores a version's three sizes once, at its immutable history keys, in parallel under `limit`;
 * `onUploaded` counts finished files. The published poster is untouched: publishing is a later copy.
 * When an upload fails, the sizes already stored are removed again (best effort) so a failed job
 * leaves no half version behind; so only upload a version that is not stored yet.
 */
export async function uploadVersion(
  storage: Storage,
  limit: LimitFunction,
  target: { actorName: string; version: string },
  sizes: Record<PosterSize, Uint8Array>,
  onUploaded: (done: number, total: number) => void,
): Promise<void> {
  let done = 0;
  const uploads = await Promise.allSettled(
    SIZES.map((size) =>
      limit(async () => {
        await storage.put(historyKey(target.actorName, target.version, size), sizes[size], WEBP);
        onUploaded(++done, SIZES.length);
      }),
    ),
  );
  const failed = uploads.find((upload) => upload.status === 'rejected');
  if (!failed) return;
  await deleteVersion(storage, target.actorName, target.version).catch(() => {});
  throw failed.reason;
}

/** Deletes a version's objects; missing ones are not an error. */
export const deleteVersion = (storage: Storage, actorName: string, version: string): Promise<void> =>
  storage.delete(SIZES.map((size) => historyKey(actorName, version, size)));
