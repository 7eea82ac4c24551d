import { thumbHashToDataURL } from 'thumbhash';

/** Decoded placeholders by hash: a card re-renders on every job tick, and decoding draws a PNG each time. */
const decoded = new Map<string, string | undefined>();
/** A grid shows a few dozen cards at once; more than this many hashes means the page scrolled far. */
const MAX_CACHED = 500;

function decode(hash: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(hash), (c) => c.charCodeAt(0));
    // A ThumbHash has at least 5 header bytes; anything shorter is not one and would decode to noise.
    return bytes.length >= 5 ? thumbHashToDataURL(bytes) : undefined;
  } catch {
    // A placeholder is decoration: a broken one is left out, never an error on the page.
    return undefined;
  }
}

/**
 * The `data:image/png` URL of a poster's ThumbHash placeholder (`poster_frames.placeholder`,
 * `PosterVersion.placeholder`), painted behind the image until it has loaded.
 *
 * @param hash - the ThumbHash, base64; undefined for posters made before placeholders existed
 * @returns undefined when there is none or it cannot be decoded
 * @example placeholderUrl(actor.poster_frames?.placeholder) // "data:image/png;base64,iVBORw0…"
 */
export function placeholderUrl(hash: string | undefined): string | undefined {
  if (!hash) return undefined;
  if (decoded.has(hash)) return decoded.get(hash);
  if (decoded.size >= MAX_CACHED) decoded.clear();
  const url = decode(hash);
  decoded.set(hash, url);
  return url;
}

/**
 * Inline style that paints a poster's placeholder behind its `<img>`: the browser shows the blurred
 * stand-in until the (opaque) WebP has loaded and covers it.
 *
 * @example html`<img style=${styleMap(placeholderStyle(frames.placeholder))} …>`
 */
export function placeholderStyle(hash: string | undefined): Record<string, string> {
  const url = placeholderUrl(hash);
  return url ? { 'background-image': `url("${url}")`, 'background-size': 'cover' } : {};
}
