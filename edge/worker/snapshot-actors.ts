import type { ActorsReader } from '../../daemon/app/app-deps.js';
import { ActorsIndex } from '../../daemon/library/actors-index.js';
import { pageActors } from '../../daemon/library/actors-page.js';
import { parseActors } from '../../daemon/library/parse-actors.js';
import { ACTORS_SNAPSHOT_KEY } from '../../shared/edge-protocol.js';
import type { R2Bucket } from './bindings.js';

/**
 * The actors as the daemon last published them: read from the bucket, so the edge answers
 * `GET /api/actors` with the daemon down. Validated like the daemon's own file; no snapshot yet reads
 * as no actors (a daemon that never published). Indexed with the daemon's own node-free index.
 */
export function snapshotActors(bucket: R2Bucket): ActorsReader {
  const load = async () => {
    const object = await bucket.get(ACTORS_SNAPSHOT_KEY);
    return ActorsIndex.of(object ? parseActors(`the published snapshot ${ACTORS_SNAPSHOT_KEY}`, await object.text()) : []);
  };
  return {
    list: async () => (await load()).ordered().map((entry) => JSON.parse(entry.json)),
    async find(idOrName) {
      const entry = (await load()).find(idOrName);
      return entry && JSON.parse(entry.json);
    },
    listBlocks: async () => {
      const index = await load();
      // The snapshot carries no revision; a hash of its content changes whenever it does (the ETag).
      return { revision: fnv1a(index.json()), blocks: index.blocks() };
    },
    page: async (query) => pageActors((await load()).ordered(), query),
  };
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
