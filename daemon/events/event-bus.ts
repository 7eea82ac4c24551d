import type { LiveEvent, NumberedEvent } from '../../shared/api-types.js';

/**
 * In-process publish/subscribe for live events (job progress, actor changes). Events get increasing
 * ids and the last `capacity` are kept, so an SSE client can resume from `Last-Event-ID`.
 */
export interface EventBus {
  publish(event: LiveEvent): NumberedEvent;
  /** Subscribes; when `after` is given, first replays kept events with a larger id. Returns unsubscribe. */
  subscribe(listener: (event: NumberedEvent) => void, options?: { after?: number }): () => void;
}

export function createEventBus(capacity = 1000): EventBus {
  const kept: NumberedEvent[] = [];
  const listeners = new Set<(event: NumberedEvent) => void>();
  // Ids start from the clock (in microseconds) so ids of a new boot exceed those a client kept from the last.
  let lastId = Date.now() * 1000;

  return {
    publish(event) {
      const numbered = { ...event, id: ++lastId } as NumberedEvent;
      kept.push(numbered);
      if (kept.length > capacity) kept.shift();
      for (const listener of listeners) listener(numbered);
      return numbered;
    },
    subscribe(listener, options = {}) {
      const { after } = options;
      if (after !== undefined) for (const event of kept) if (event.id > after) listener(event);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
