import { POSTER_SIZES, type PosterFrames, type PosterSize } from '../../../shared/api-types.js';
import { ACTOR_NAME_PATTERN } from '../../../shared/request-schema.js';
import type { Storage } from './storage.js';

/**
 * The storage key layout. Canonical keys are the seed's; every encoded poster is stored once, immutably,
 * under history/{version} beside them, and publishing copies a version over the canonical keys.
 * (drafts/{jobId}/ held a job's staged output before versions existed; only start-up cleanup still knows it.)
 *
 *   actors/{name}/poster_frame/{name}_poster_{sm|md|lg}.webp
 *   actors/{name}/poster_frame/history/{version}/{name}_poster_{size}.webp
 */

export const SIZES = Object.keys(POSTER_SIZES) as PosterSize[];
const VERSION_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function folder(actorName: string): string {
  if (!ACTOR_NAME_PATTERN.test(actorName)) {
    throw new TypeError(`Expected an actor name matching ${ACTOR_NAME_PATTERN} but received ${JSON.stringify(actorName)}`);
  }
  return `actors/${actorName}/poster_frame`;
}

function segment(value: string, what: string): string {
  if (!VERSION_PATTERN.test(value)) throw new TypeError(`Expected a ${what} matching ${VERSION_PATTERN} but received ${JSON.stringify(value)}`);
  return value;
}

export const posterKey = (actorName: string, size: PosterSize): string => `${folder(actorName)}/${actorName}_poster_${size}.webp`;

export const historyKey = (actorName: string, version: string, size: PosterSize): string =>
  `${folder(actorName)}/history/${segment(version, 'version')}/${actorName}_poster_${size}.webp`;

/**
 * URLs of the three sizes at the keys `keyOf` names. `?v=` carries the content version so a browser or
 * CDN cache never serves the previous poster under the same key.
 */
export function framesAt(storage: Storage, keyOf: (size: PosterSize) => string, version: string): PosterFrames {
  const frames: PosterFrames = {
    accelerated: { webp_sm: '', webp_md: '', webp_lg: '' },
    standard: { webp_sm: '', webp_md: '', webp_lg: '' },
  };
  for (const size of SIZES) {
    const urls = storage.publicUrls(keyOf(size));
    frames.accelerated[`webp_${size}`] = `${urls.accelerated}?v=${version}`;
    frames.standard[`webp_${size}`] = `${urls.standard}?v=${version}`;
  }
  return frames;
}

/** The URLs written to actorsData.json: the canonical keys at `version`. */
export const posterFrames = (storage: Storage, actorName: string, version: string): PosterFrames =>
  framesAt(storage, (size) => posterKey(actorName, size), version);

/** A version's own URLs: its immutable history keys at `version`. */
export const versionFrames = (storage: Storage, actorName: string, version: string): PosterFrames =>
  framesAt(storage, (size) => historyKey(actorName, version, size), version);

/** The content version a set of poster URLs carries (their common `?v=`), or undefined when they do not agree. */
export function versionOf(frames: PosterFrames | undefined): string | undefined {
  if (!frames) return undefined;
  const urls = [...Object.values(frames.accelerated ?? {}), ...Object.values(frames.standard ?? {})];
  const versions = new Set(urls.map((url) => (typeof url === 'string' ? /[?&]v=([^&#]+)/.exec(url)?.[1] : undefined)));
  const [version] = versions;
  return urls.length > 0 && versions.size === 1 ? version : undefined;
}
