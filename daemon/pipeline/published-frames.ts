import type { PosterFrames } from '../../shared/api-types.js';
import type { ActorsStore } from './5-save/actors-store.js';
import { versionOf } from './4-upload/keys.js';

/**
 * The actor's poster frames when all of them already carry `version` (`?v=<version>`): the job that
 * staged that version published it and then crashed, or could not record itself done (a full disk),
 * before the checkpoints were cleared. Such a job is done; publishing it again would record a second
 * publication of the same poster.
 */
export async function publishedFrames(actors: Pick<ActorsStore, 'find'>, actorId: string, version: string): Promise<PosterFrames | undefined> {
  const frames = (await actors.find(actorId))?.poster_frames;
  return versionOf(frames) === version ? frames : undefined;
}
