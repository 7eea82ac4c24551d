import type { ActorsReader } from '../../daemon/app/app-deps.js';
import { parseActors } from '../../daemon/library/parse-actors.js';
import { ACTORS_SNAPSHOT_KEY } from '../../shared/edge-protocol.js';
import type { R2Bucket } from './bindings.js';


/**
 * The actors as the daemon last published them: read from the bucket, so the edge answers
 * `GET /api/actors` with the daemon down. Validated like the daemon's own file; no snapshot yet reads
 * as no actors (a daemon that never published).
 */
export function snapshotActors(bucket: R2Bucket): ActorsReader {
  const list = async () => {
    const object = await bucket.get(ACTORS_SNAPSHOT_KEY);
    return object ? parseActors(`the published snapshot ${ACTORS_SNAPSHOT_KEY}`, await object.text()) : [];
  };
  return {
    list,
    async find(idOrName) {
      const actors = await list();
      return actors.find((actor) => String(actor.id) === idOrName) ?? actors.find((actor) => actor.name === idOrName);
    },
  };
}
