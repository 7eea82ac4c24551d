/** The list's body at one revision, encoded once, gzipped once (on first demand). */
interface Cached {
  revision: number;
  raw: Uint8Array<ArrayBuffer>;
  gzip?: Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * Keeps the serialised body of the latest revision, so an unchanged list of 10,000 actors is neither
 * re-encoded nor re-compressed per request. CompressionStream rather than node:zlib: the app runs on
 * edge runtimes too. Compression runs off the main thread (zlib's pool in Node).
 */
export function revisionBodyCache() {
  let cached: Cached | undefined;
  return async (revision: number, json: () => string, gzip: boolean): Promise<Uint8Array<ArrayBuffer>> => {
    if (cached?.revision !== revision) cached = { revision, raw: new TextEncoder().encode(json()) };
    const entry = cached;
    if (!gzip) return entry.raw;
    entry.gzip ??= compress(entry.raw);
    return entry.gzip;
  };
}

async function compress(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
