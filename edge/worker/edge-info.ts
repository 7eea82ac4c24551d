import type { ServerInfo } from '../../shared/api-types.js';
import type { ActorsReader } from '../../daemon/app/app-deps.js';
import { PipelineError } from '../../daemon/errors.js';
import type { DurableObjectStub } from './bindings.js';

/**
 * `GET /api/info` at the edge: the daemon's answer as the hub last heard it, with what the edge knows
 * better — the actors it serves (the published snapshot) and whether the edge itself wants a token.
 */
export function edgeInfo(options: { hub: DurableObjectStub; actors: ActorsReader; apiTokenRequired: boolean }): () => Promise<ServerInfo> {
  return async () => {
    const response = await options.hub.fetch('https://hub/info');
    const body = (await response.json()) as ServerInfo | { error: 'daemon_unavailable'; message: string };
    if (!response.ok) throw new PipelineError('daemon_unavailable', (body as { message: string }).message);
    const actors = await options.actors.list();
    return {
      ...(body as ServerInfo),
      actors: { count: actors.length, file_present: actors.length > 0 || (body as ServerInfo).actors.file_present },
      api_token_required: options.apiTokenRequired,
    };
  };
}
