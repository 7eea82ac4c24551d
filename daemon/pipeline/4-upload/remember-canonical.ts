import type { LimitFunction } from 'p-limit';
import type { Actor, PosterSize } from '../../../shared/api-types.js';
import { isLive, type VersionRecords } from '../../versions/version-records.js';
import { contentVersion } from '../3-encode/encode-poster.js';
import { historyKey, posterKey, SIZES, versionFrames } from './keys.js';
import type { Storage, StoredObject } from './storage.js';
import { uploadVersion } from './upload-version.js';

type Deps = { storage: Storage; versions: VersionRecords; limit: LimitFunction };

/** Puts one canonical key back as it was. */
export type RestoreSize = (size: PosterSize) => Promise<void>;

/**
 * Makes sure what the canonical keys hold now can be put back, and returns the function that puts a
 * size back. Normally that is the actor's current version, copied from its history keys. A poster from
 * before versions existed has no history copy: it is adopted first (stored under its `?v=`, or under
 * its content version when its URLs carry none, and recorded as published), so it appears in the
 * history and can be reverted to. Canonical keys that are not all there are restored exactly as they
 * were: the sizes that existed rewritten, the others deleted.
 *
 * @param previous - the version the actor's URLs name, if any
 * @param at - the time recorded for an adopted poster that has no `poster_updated_at`
 */
export async function rememberCanonical(deps: Deps, actor: Actor, previous: string | undefined, at: string): Promise<RestoreSize> {
  const { storage, versions, limit } = deps;
  const actorId = String(actor.id);
  const copyBack =
    (version: string): RestoreSize =>
    (size) =>
      limit(() => storage.copy(historyKey(actor.name, version, size), posterKey(actor.name, size)));
  if (previous && isLive(versions.get(actorId, previous))) return copyBack(previous);

  const objects = await Promise.all(SIZES.map(async (size) => [size, await bytesOf(await storage.get(posterKey(actor.name, size)))] as const));
  const present = Object.fromEntries(objects.filter(([, bytes]) => bytes !== undefined)) as Partial<Record<PosterSize, Uint8Array>>;
  if (SIZES.every((size) => present[size])) {
    const sizes = present as Record<PosterSize, Uint8Array>;
    const version = previous ?? contentVersion(sizes);
    await uploadVersion(storage, limit, { actorName: actor.name, version }, sizes, () => {});
    const createdAt = typeof actor.poster_updated_at === 'string' ? actor.poster_updated_at : at;
    versions.stage({
      actor_id: actorId,
      version,
      created_at: createdAt,
      params: {},
      poster_frames: versionFrames(storage, actor.name, version),
      state: 'preview',
    });
    versions.setState(actorId, version, 'published');
    return copyBack(version);
  }
  return (size) => {
    const bytes = present[size];
    return limit(() => (bytes ? storage.put(posterKey(actor.name, size), bytes, 'image/webp') : storage.delete([posterKey(actor.name, size)])));
  };
}

async function bytesOf(object: StoredObject | null): Promise<Uint8Array | undefined> {
  if (!object) return undefined;
  return object.body instanceof Uint8Array ? object.body : new Uint8Array(await new Response(object.body).arrayBuffer());
}
