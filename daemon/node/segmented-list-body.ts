import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync, type ZlibOptions } from 'node:zlib';
import type { BodyParts, ListBodyEncoder } from '../app/app-deps.js';
import type { ListBlock } from '../library/list-blocks.js';
import { crc32Combine } from './crc32-combine.js';

/** What the gzip body keeps of a block: not its bytes (12.6 MB for 10,000 actors), only its segment and CRC. */
interface Segment {
  crc: number;
  length: number;
  /** Raw deflate ending in a sync flush (byte-aligned, not final), so segments concatenate into one stream. */
  deflated?: Buffer;
  /** The block before this one when `deflated` was made: its last 32 KiB were the dictionary. */
  after?: ListBlock | null;
}

const deflateRawAsync = promisify(deflateRaw);
/** Deflate's window: how much of the previous block primes a segment (none: 531 kB instead of 480 kB at 10,000 actors). */
const WINDOW = 32 * 1024;
/** Up to this many segments to make are compressed on the spot (~1.3 ms each); more go to zlib's pool. */
const SYNC_SEGMENTS = 4;
/** gzip header: deflate, no flags, no mtime, unknown OS. */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final block with fixed codes: ends the deflate stream the segments left open. */
const FINAL = Buffer.from([3, 0]);

/**
 * `GET /api/actors`' body from the index's blocks, so that one changed actor costs one block's
 * encoding and compression, not 12.6 MB of it. Each block keeps its CRC-32, length and a raw deflate
 * segment primed with the previous block's last 32 KiB (what a continuous stream has in its window:
 * the gzip is within 1 % of compressing the whole list at once). The gzip body is a header, the
 * segments, a final empty block and the trailer (CRC combined from the blocks'); a segment is remade
 * only when its block or the block before it changed. The identity body is the blocks' bytes as parts,
 * kept per block only once a client has asked for it (the UI asks for gzip).
 */
export function segmentedListBody(): ListBodyEncoder {
  const segments = new WeakMap<ListBlock, Segment>();
  const identityBytes = new WeakMap<ListBlock, Buffer>();
  const bytesOf = (block: ListBlock) => identityBytes.get(block) ?? Buffer.from(block.text());
  let cached: { revision: number; identity?: BodyParts; gzip?: Promise<BodyParts> } | undefined;

  async function gzipOf(blocks: readonly ListBlock[]): Promise<BodyParts> {
    // The bytes of the blocks this call needs, made once from their text (a change needs its block's and the one before).
    const raw = new Map<number, Buffer>();
    const rawOf = (i: number) => raw.get(i) ?? raw.set(i, bytesOf(blocks[i]!)).get(i)!;
    const all = blocks.map((block, i) => {
      let segment = segments.get(block);
      if (!segment) {
        segment = { crc: crc32(rawOf(i)), length: rawOf(i).length };
        segments.set(block, segment);
      }
      return segment;
    });
    // Taken before any await: a concurrent revision may remake a segment against another block before it.
    const pieces = all.map((segment, i) => (segment.after === (blocks[i - 1] ?? null) ? segment.deflated : undefined));
    const stale = pieces.flatMap((piece, i) => (piece ? [] : [i]));
    const compress = (i: number) =>
      [rawOf(i), { finishFlush: constants.Z_SYNC_FLUSH, ...(i > 0 && { dictionary: rawOf(i - 1).subarray(-WINDOW) }) } satisfies ZlibOptions] as const;
    if (stale.length <= SYNC_SEGMENTS) for (const i of stale) pieces[i] = deflateRawSync(...compress(i));
    else await Promise.all(stale.map(async (i) => (pieces[i] = await deflateRawAsync(...compress(i)))));
    for (const i of stale) Object.assign(all[i]!, { deflated: pieces[i], after: blocks[i - 1] ?? null });

    let crc = 0;
    let size = 0;
    for (const segment of all) {
      crc = crc32Combine(crc, segment.crc, segment.length);
      size += segment.length;
    }
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc, 0);
    trailer.writeUInt32LE(size % 2 ** 32, 4);
    const body = Buffer.concat([HEADER, ...(pieces as Buffer[]), FINAL, trailer]);
    return { parts: [body], length: body.length };
  }

  function identityOf(blocks: readonly ListBlock[]): BodyParts {
    const parts = blocks.map((block) => {
      const bytes = bytesOf(block);
      identityBytes.set(block, bytes);
      return bytes;
    });
    return { parts, length: parts.reduce((sum, part) => sum + part.length, 0) };
  }

  return async (revision, blocks, gzip) => {
    if (cached?.revision !== revision) cached = { revision };
    const entry = cached;
    if (!gzip) {
      entry.identity ??= identityOf(blocks);
      return entry.identity;
    }
    entry.gzip ??= gzipOf(blocks).catch((error: unknown) => {
      entry.gzip = undefined;
      throw error;
    });
    return entry.gzip;
  };
}
