import type { LiveEvent, NumberedEvent } from '../../shared/api-types.js';

/**
 * In-process publish/subscribe for live events (job progress, actor changes). Events get increasing
 * ids and the last `capacity` are kept, so an SSE client can resume from `Last-Event-ID`; a client
 * whose id is older than what is kept (or from another run) gets a `reset` instead, never a silent gap.
 */
export interface EventBus {
  publish(event: LiveEvent): LiveEvent & { id: number };
  /**
   * Subscribes; when `after` is given, first replays kept events with a larger id, or — when events
   * after it are no longer kept — calls the listener once with a `reset`. Returns unsubscribe.
   */
  subscribe(listener: (event: NumberedEvent) => void, options?: { after?: number }): () => void;
}

export function createEventBus(capacity = 1000): EventBus {
  const kept: NumberedEvent[] = [];
  const listeners = new Set<(event: NumberedEvent) => void>();
  // Ids start from the clock (in microseconds) so ids of a new boot exceed those a client kept from the last.
  let lastId = Date.now() * 1000;
  /** Events up to this id are not kept: those of earlier runs, then those dropped for capacity. */
  let forgottenUpTo = lastId;

  return {
    publish(event) {
      const numbered = { ...event, id: ++lastId };
      kept.push(numbered);
      if (kept.length > capacity) forgottenUpTo = kept.shift()!.id;
      for (const listener of listeners) listener(numbered);
      return numbered;
    },
    subscribe(listener, options = {}) {
      const { after } = options;
      if (after !== undefined && (after < forgottenUpTo || after > lastId)) {
        listener({ type: 'reset', reason: `Events after ${after} are no longer kept; reload actors and jobs.`, id: lastId });
      } else if (after !== undefined) {
        for (const event of kept) if (event.id > after) listener(event);
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
