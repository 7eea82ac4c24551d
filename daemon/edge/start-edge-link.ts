import type { Logger } from 'pino';
import type { ServerInfo } from '../../shared/api-types.js';
import type { Core } from '../create-core.js';
import { connectToHub } from './hub-link.js';
import { createSnapshotPublisher } from './publish-snapshot.js';

/**
 * The daemon's side of the edge Worker (EDGE_URL): the actors snapshot published to the bucket on
 * every change and every hub connect, and the event hub fed over one connection.
 */
export function startEdgeLink(options: { edgeUrl: string; token: string; core: Core; info: () => Promise<ServerInfo>; logger: Logger }): { close(): void } {
  const { core, logger } = options;
  const snapshot = createSnapshotPublisher({ actors: core.actors, storage: core.storage, logger });
  const publish = () => void snapshot.publish();
  const stopWatching = core.actors.onChange(publish);
  // Published on every hub connect (the first included): the edge may have restarted with an empty bucket.
  const hub = connectToHub({
    edgeUrl: options.edgeUrl,
    token: options.token,
    events: core.events,
    jobs: core.jobs,
    info: options.info,
    logger,
    onConnected: publish,
  });
  return {
    close() {
      stopWatching();
      hub.close();
    },
  };
}
