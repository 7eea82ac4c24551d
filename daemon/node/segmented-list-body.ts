import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync, type ZlibOptions } from 'node:zlib';
import type { BodyParts, ListBodyEncoder } from '../app/app-deps.js';
import type { ListBlock } from '../library/list-blocks.js';
import { crc32Combine } from './crc32-combine.js';

/** A block's bytes, their CRC-32, and their deflate segment once made. */
interface Segment {
  raw: Buffer;
  crc: number;
  /** Raw deflate ending in a sync flush (byte-aligned, not final), so segments concatenate into one stream. */
  deflated?: Buffer;
  /** The block before this one when `deflated` was made: its tail was the dictionary. */
  after?: ListBlock | null;
}

const deflateRawAsync = promisify(deflateRaw);
/** Deflate's window: the segment may refer back this far into the previous block's bytes. */
const WINDOW = 32 * 1024;
/** Up to this many segments to make are compressed on the spot (~1.3 ms each); more go to zlib's pool. */
const SYNC_SEGMENTS = 4;
/** gzip header: deflate, no flags, no mtime, unknown OS. */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final block with fixed codes: ends the deflate stream the segments left open. */
const FINAL = Buffer.from([3, 0]);

/**
 * `GET /api/actors`' body from the index's blocks, so that one changed actor costs one block's
 * encoding and compression, not 12.6 MB of it. Each block keeps its UTF-8 bytes, CRC-32 and a raw
 * deflate segment primed with the previous block's last 32 KiB (the window a continuous stream would
 * have: the gzip is within 1 % of compressing the whole list at once). The gzip body is a header, the
 * segments, a final empty block and the trailer (CRC combined from the blocks'); identity is the blocks'
 * bytes as parts. A segment is remade only when its block or the block before it changed.
 */
export function segmentedListBody(): ListBodyEncoder {
  const segments = new WeakMap<ListBlock, Segment>();
  let cached: { revision: number; identity: BodyParts; gzip?: Promise<BodyParts> } | undefined;

  function segmentOf(block: ListBlock): Segment {
    let segment = segments.get(block);
    if (!segment) {
      const raw = Buffer.from(block.text());
      segment = { raw, crc: crc32(raw) };
      segments.set(block, segment);
    }
    return segment;
  }

  return async (revision, blocks, gzip) => {
    if (cached?.revision !== revision) {
      const parts = blocks.map((block) => segmentOf(block).raw);
      cached = { revision, identity: { parts, length: parts.reduce((sum, part) => sum + part.length, 0) } };
    }
    const entry = cached;
    if (!gzip) return entry.identity;
    entry.gzip ??= gzipOf(blocks, segmentOf).catch((error: unknown) => {
      entry.gzip = undefined;
      throw error;
    });
    return entry.gzip;
  };
}

async function gzipOf(blocks: readonly ListBlock[], segmentOf: (block: ListBlock) => Segment): Promise<BodyParts> {
  const all = blocks.map(segmentOf);
  // Taken now, before any await: a concurrent revision may remake a segment against another block before it.
  const pieces = all.map((segment, i) => (segment.after === (blocks[i - 1] ?? null) ? segment.deflated : undefined));
  const stale = pieces.flatMap((piece, i) => (piece ? [] : [i]));
  const options = (i: number): ZlibOptions => ({
    finishFlush: constants.Z_SYNC_FLUSH,
    ...(i > 0 && { dictionary: all[i - 1]!.raw.subarray(-WINDOW) }),
  });
  if (stale.length <= SYNC_SEGMENTS) for (const i of stale) pieces[i] = deflateRawSync(all[i]!.raw, options(i));
  else await Promise.all(stale.map(async (i) => (pieces[i] = await deflateRawAsync(all[i]!.raw, options(i)))));
  for (const i of stale) Object.assign(all[i]!, { deflated: pieces[i], after: blocks[i - 1] ?? null });

  let crc = 0;
  let size = 0;
  for (const { raw, crc: blockCrc } of all) {
    crc = crc32Combine(crc, blockCrc, raw.length);
    size += raw.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  const body = Buffer.concat([HEADER, ...(pieces as Buffer[]), FINAL, trailer]);
  return { parts: [body], length: body.length };
}
