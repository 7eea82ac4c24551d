import type { BodyParts, ListBodyEncoder } from '../app-deps.js';

/** The list's body at one revision, encoded once, gzipped once (on first demand). */
interface Cached {
  revision: number;
  bytes: Uint8Array<ArrayBuffer>;
  raw: BodyParts;
  gzip?: Promise<BodyParts>;
}

/**
 * The list's body without a runtime-specific encoder (the edge Worker): the blocks joined and encoded
 * once per revision, gzipped once through CompressionStream, which edge runtimes have. The daemon
 * injects a per-block encoder instead (daemon/node/segmented-list-body.ts).
 */
export function revisionBodyCache(): ListBodyEncoder {
  let cached: Cached | undefined;
  return async (revision, blocks, gzip) => {
    if (cached?.revision !== revision) {
      const bytes = new TextEncoder().encode(blocks.map((block) => block.text()).join(''));
      cached = { revision, bytes, raw: whole(bytes) };
    }
    const entry = cached;
    if (!gzip) return entry.raw;
    entry.gzip ??= compress(entry.bytes).then(whole);
    return entry.gzip;
  };
}

const whole = (bytes: Uint8Array): BodyParts => ({ parts: [bytes], length: bytes.byteLength });

async function compress(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
