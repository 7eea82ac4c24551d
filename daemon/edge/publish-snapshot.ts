import type { Logger } from 'pino';
import type { ActorsReader } from '../app/app-deps.js';
import { ACTORS_SNAPSHOT_KEY } from '../../shared/edge-protocol.js';
import type { Storage } from '../pipeline/4-upload/storage.js';

export interface SnapshotPublisher {
  /** Publishes the current actors now (or right after the publish in flight); resolves once they are out. */
  publish(): Promise<void>;
}

/**
 * Keeps a copy of actorsData.json in the bucket for the edge, which serves reads from it without the
 * daemon. Each publish is one atomic object replace through Storage; bursts of changes coalesce into
 * one publish after the one in flight, always of the latest actors.
 */
export function createSnapshotPublisher(options: { actors: Pick<ActorsReader, 'list'>; storage: Storage; logger: Logger }): SnapshotPublisher {
  const { actors, storage, logger } = options;
  let inFlight: Promise<void> | undefined;
  let next: Promise<void> | undefined;

  async function publishOnce(): Promise<void> {
    // The layout of actorsData.json itself, so the snapshot reads like the file.
    const body = new TextEncoder().encode(`${JSON.stringify(await actors.list(), null, 2)}\n`);
    await storage.put(ACTORS_SNAPSHOT_KEY, body, 'application/json');
    logger.debug({ key: ACTORS_SNAPSHOT_KEY, bytes: body.byteLength }, 'actors snapshot published');
  }

  function publish(): Promise<void> {
    if (next) return next;
    const start = () => {
      next = undefined;
      inFlight = publishOnce()
        .catch((error: unknown) =>
          logger.error({ err: error, key: ACTORS_SNAPSHOT_KEY }, 'could not publish the actors snapshot; the edge serves the previous one'),
        )
        .finally(() => (inFlight = undefined));
      return inFlight;
    };
    if (!inFlight) return start();
    next = inFlight.then(start);
    return next;
  }

  return { publish };
}
