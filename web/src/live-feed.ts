import type { Actor, Job, LiveEvent } from '../../shared/api-types.js';

/** `open`: events flow. `connecting`: first connection. `down`: lost; reconnecting on its own. */
export type FeedState = 'connecting' | 'open' | 'down';

/** The part of `EventSource` the feed uses, so tests can hand in another implementation (undici's). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface LiveFeedOptions {
  /** Defaults to the browser's `EventSource`. */
  createSource?: (url: string) => EventSourceLike;
  /** First delay before re-creating a source the browser gave up on; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

const CLOSED = 2;

function parse<T>(event: MessageEvent): T | undefined {
  try {
    return JSON.parse(String(event.data)) as T;
  } catch {
    // A malformed frame is the server's bug; dropping it keeps the page alive and the next event lands.
    return undefined;
  }
}

/**
 * The page's one connection to `GET /api/events`. The browser's EventSource reconnects by itself after
 * a dropped connection and resumes with `Last-Event-ID`; when it gives up (an error status, a wrong
 * content type), the feed makes a new one after a growing delay. Subscribers that keep state should
 * reload it when the state returns to `open` after `down`, since a new source starts without a resume id.
 *
 * @example
 * const feed = new LiveFeed('/api/events');
 * feed.subscribe((event) => event.type === 'job' && console.log(event.job.status));
 * feed.start();
 */
export class LiveFeed {
  private source?: EventSourceLike;
  private currentState: FeedState = 'connecting';
  private retryTimer?: ReturnType<typeof setTimeout>;
  private retryDelay: number;
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private readonly stateListeners = new Set<(state: FeedState) => void>();
  private readonly resetListeners = new Set<() => void>();
  private readonly createSource: (url: string) => EventSourceLike;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;

  constructor(
    private readonly url: string,
    options: LiveFeedOptions = {},
  ) {
    this.createSource = options.createSource ?? ((u) => new EventSource(u));
    this.retryMs = options.retryMs ?? 1000;
    this.maxRetryMs = options.maxRetryMs ?? 30_000;
    this.retryDelay = this.retryMs;
  }

  get state(): FeedState {
    return this.currentState;
  }

  start(): void {
    if (this.source) return;
    const source = this.createSource(this.url);
    this.source = source;
    source.addEventListener('open', () => {
      this.retryDelay = this.retryMs;
      this.setState('open');
    });
    source.addEventListener('error', () => this.onError(source));
    source.addEventListener('job', (event) => {
      const job = parse<Job>(event);
      if (job) this.publish({ type: 'job', job });
    });
    source.addEventListener('actor', (event) => {
      const actor = parse<Actor>(event);
      if (actor) this.publish({ type: 'actor', actor });
    });
    // The daemon no longer has the events since our Last-Event-ID: what subscribers hold may be stale.
    source.addEventListener('reset', () => {
      for (const listener of this.resetListeners) listener();
    });
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = undefined;
  }

  /** Calls `listener` with every job and actor event. Returns unsubscribe. */
  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` when the daemon says events were missed (a `reset` event): reload what you hold. Returns unsubscribe. */
  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  /** Calls `listener` on every state change. Returns unsubscribe. */
  onStateChange(listener: (state: FeedState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private onError(source: EventSourceLike): void {
    this.setState('down');
    if (source !== this.source || source.readyState !== CLOSED) return;
    // The browser gave up on this source for good; make a fresh one later.
    this.source = undefined;
    this.retryTimer = setTimeout(() => this.start(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, this.maxRetryMs);
  }

  private publish(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private setState(state: FeedState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    for (const listener of this.stateListeners) listener(state);
  }
}
