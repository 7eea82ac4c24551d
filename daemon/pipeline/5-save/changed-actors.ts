import type { Actor } from '../../../shared/api-types.js';

/**
 * The actors of `after` that are new or whose JSON differs from `before` (matched by id as a string).
 * Removed actors are not reported: listeners take an actor, and the UI keeps what it has.
 */
export function changedActors(before: readonly Actor[], after: readonly Actor[]): Actor[] {
  const previous = new Map(before.map((actor) => [String(actor.id), JSON.stringify(actor)]));
  return after.filter((actor) => previous.get(String(actor.id)) !== JSON.stringify(actor));
}
