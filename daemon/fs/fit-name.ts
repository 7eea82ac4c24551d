import { createHash } from 'node:crypto';

/** The longest file name (in bytes, not characters) that Linux, macOS and Windows filesystems accept. */
export const NAME_MAX_BYTES = 255;

/** `~` and 8 hex digits of the full stem's hash, so two long names cut to the same prefix stay apart. */
const HASH_BYTES = 9;

/**
 * Returns `stem` when `stem + suffix` fits in NAME_MAX_BYTES; otherwise the stem cut to fit, on a
 * character boundary of its UTF-8 encoding, followed by `~` and a short hash of the whole stem. The
 * same stem always gives the same name, so a restart finds what an earlier run wrote.
 *
 * @param suffixBytes bytes that will follow the stem, e.g. `Buffer.byteLength('.result.json')`.
 * @example fitStem('x'.repeat(245), 12) // 'xxx…x~1a2b3c4d', 243 bytes
 */
export function fitStem(stem: string, suffixBytes: number): string {
  if (Buffer.byteLength(stem) + suffixBytes <= NAME_MAX_BYTES) return stem;
  const budget = NAME_MAX_BYTES - suffixBytes - HASH_BYTES;
  if (budget < 1) throw new RangeError(`Expected a suffix of at most ${NAME_MAX_BYTES - HASH_BYTES - 1} bytes but received ${suffixBytes}`);
  let cut = '';
  let bytes = 0;
  for (const char of stem) {
    bytes += Buffer.byteLength(char);
    if (bytes > budget) break;
    cut += char;
  }
  return `${cut}~${createHash('sha256').update(stem).digest('hex').slice(0, 8)}`;
}
