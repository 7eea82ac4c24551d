import { POSTER_SIZES, type Actor } from '../../shared/api-types.js';

/**
 * The `<img>` attributes for an actor's poster. Grid cells are about 16rem wide, so a 1x screen picks
 * the 256 px file, a 2x screen the 512 px one, and a wide single column (or a 4K screen's scaling)
 * the 1024 px one.
 */
export interface PosterSources {
  src: string;
  srcset: string;
  sizes: string;
}

/** Phones show one full-width column (less the page padding); wider screens show ~16rem cells. */
export const GRID_SIZES = '(max-width: 34rem) calc(100vw - 2rem), 16rem';

/**
 * Builds `src`/`srcset`/`sizes` from the actor's standard URLs. The accelerated URLs are skipped on
 * purpose: they point at S3 Transfer Acceleration, which a bucket may not have enabled.
 *
 * @param actor - an actor from `GET /api/actors` or an `actor` live event
 * @param sizes - the `sizes` attribute; defaults to {@link GRID_SIZES}
 * @returns undefined when the actor has no poster yet
 * @example posterSources(actor)?.srcset // "…_sm.webp?v=1 256w, …_md.webp?v=1 512w, …_lg.webp?v=1 1024w"
 */
export function posterSources(actor: Actor, sizes = GRID_SIZES): PosterSources | undefined {
  const urls = actor.poster_frames?.standard;
  if (!urls?.webp_sm || !urls.webp_md || !urls.webp_lg) return undefined;
  return {
    src: urls.webp_sm,
    srcset: `${urls.webp_sm} ${POSTER_SIZES.sm}w, ${urls.webp_md} ${POSTER_SIZES.md}w, ${urls.webp_lg} ${POSTER_SIZES.lg}w`,
    sizes,
  };
}
