import type { Actor, PosterFrames } from '../../shared/api-types.js';

/** An absolute URL of local storage's media route, whatever host and port wrote it. */
const LEGACY_MEDIA_URL = /^https?:\/\/[^/?#]+(\/media\/[^#]*)$/;

/**
 * Rewrites a legacy absolute local-storage poster URL (`http://127.0.0.1:8787/media/actors/…?v=…`)
 * to the portable relative form (`/media/actors/…?v=…`), so a poster keeps working when the daemon
 * moves to another port or host. Returns the actor itself when nothing changes. Only for installs
 * without PUBLIC_BASE_URL: with it, absolute URLs are what the operator asked for.
 */
export function withPortablePosterUrls(actor: Actor): Actor {
  const frames = actor.poster_frames;
  if (!frames || typeof frames !== 'object') return actor;
  let changed = false;
  const rewritten: Record<string, unknown> = {};
  for (const [variant, urls] of Object.entries(frames)) {
    if (!urls || typeof urls !== 'object') {
      rewritten[variant] = urls;
      continue;
    }
    rewritten[variant] = Object.fromEntries(
      Object.entries(urls).map(([size, url]) => {
        const local = typeof url === 'string' ? LEGACY_MEDIA_URL.exec(url)?.[1] : undefined;
        if (local) changed = true;
        return [size, local ?? url];
      }),
    );
  }
  return changed ? { ...actor, poster_frames: rewritten as unknown as PosterFrames } : actor;
}
