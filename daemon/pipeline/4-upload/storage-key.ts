/**
 * The one check every storage key passes before it reaches a file path or an S3 request. keys.ts only
 * builds safe keys; this guards the Storage boundary itself, since a key that slips through here
 * could name a file outside the media root.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
const FORBIDDEN = /[\\\x00-\x1f\x7f]/;
const MAX_KEY_BYTES = 1024; // S3's limit, applied to local keys too so both backends accept the same keys

/**
 * Splits a key into its '/'-separated segments.
 *
 * @throws TypeError for an empty or over-long key, an absolute key, an empty, "." or ".." segment,
 *   a backslash, NUL or other control character.
 */
export function keySegments(key: string): string[] {
  const segments = typeof key === 'string' ? key.split('/') : [];
  const valid =
    segments.length > 0 &&
    Buffer.byteLength(key) <= MAX_KEY_BYTES &&
    !FORBIDDEN.test(key) &&
    segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
  if (!valid) {
    throw new TypeError(
      `Expected a storage key of "/"-separated non-empty segments (no ".", "..", backslash or control characters, at most ${MAX_KEY_BYTES} bytes) but received ${JSON.stringify(key)}`,
    );
  }
  return segments;
}

/** The key as a URL path: each segment percent-encoded, the slashes kept. */
export const encodeKey = (key: string): string => keySegments(key).map(encodeURIComponent).join('/');

const CONTENT_TYPES: Record<string, string> = {
  webp: 'image/webp',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  json: 'application/json',
};

/** The content type implied by a key's extension, for objects stored without one. */
export function contentTypeOf(key: string): string {
  const extension = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}
