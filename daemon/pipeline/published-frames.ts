import type { PosterFrames } from '../../shared/api-types.js';
import type { ActorsStore } from './5-save/actors-store.js';

/**
 * The actor's poster frames when all of them already carry `version` (`?v=<version>`): the job that
 * staged that version published it and then crashed, or could not record itself done (a full disk),
 * before the checkpoints were cleared. Such a job is done; running its publish again could fail on
 * drafts it already discarded.
 */
export async function publishedFrames(actors: Pick<ActorsStore, 'find'>, actorId: string, version: string): Promise<PosterFrames | undefined> {
  const frames = (await actors.find(actorId))?.poster_frames;
  if (!frames) return undefined;
  const urls = [...Object.values(frames.accelerated), ...Object.values(frames.standard)];
  return urls.length > 0 && urls.every((url) => typeof url === 'string' && url.endsWith(`?v=${version}`)) ? frames : undefined;
}
