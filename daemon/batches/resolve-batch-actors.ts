import type { Actor, BatchRequest } from '../../shared/api-types.js';
import { PipelineError } from '../errors.js';
import type { ActorsStore } from '../pipeline/5-save/actors-store.js';

const SHOWN = 10;

/**
 * The actors a batch names: every actor for `"all"`, else each id (or name) once, in the order given.
 * @throws PipelineError('invalid_request') naming the ids that are not in the library (and an empty library)
 */
export async function resolveBatchActors(actorIds: BatchRequest['actor_ids'], actors: Pick<ActorsStore, 'list' | 'find'>): Promise<Actor[]> {
  if (actorIds === 'all') {
    const all = await actors.list();
    if (all.length === 0)
      throw new PipelineError(
        'invalid_request',
        'Expected actors in the library for actor_ids "all" but received an empty library; load actorsData.json first',
      );
    return all;
  }
  const keys = [...new Set(actorIds.map(String))];
  const found = await Promise.all(keys.map((key) => actors.find(key)));
  const unknown = keys.filter((_, index) => !found[index]);
  if (unknown.length) {
    const named = unknown
      .slice(0, SHOWN)
      .map((key) => JSON.stringify(key))
      .join(', ');
    const more = unknown.length > SHOWN ? ` and ${unknown.length - SHOWN} more` : '';
    const message = `Expected actor ids from GET /api/actors for actor_ids but received ${unknown.length} unknown: ${named}${more}`;
    throw new PipelineError('invalid_request', message, { details: [{ field: 'actor_ids', message }] });
  }
  // Two keys may name one actor (its id and its name): it is regenerated once.
  return [...new Map((found as Actor[]).map((actor) => [String(actor.id), actor])).values()];
}
