import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveEvent } from '../../shared/api-types.js';
import { feedContext } from './context.js';
import type { FeedState } from './live-feed.js';

export interface FeedHandlers {
  onEvent?: (event: LiveEvent) => void;
  onState?: (state: FeedState) => void;
  /** The feed is back after being down, or the daemon sent `reset`: events were missed, so reload what you hold. */
  onResume?: () => void;
}

/**
 * Connects an element to the page's live feed (found through context) while the element is in the
 * document, and unsubscribes when it leaves.
 *
 * @example private readonly live = new FeedController(this, { onEvent: (e) => this.apply(e) });
 */
export class FeedController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof feedContext, ReactiveControllerHost & HTMLElement>;
  private unsubscribe: (() => void)[] = [];
  private wasDown = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly handlers: FeedHandlers,
  ) {
    // Added before this controller, so the feed is known by the time hostConnected runs.
    this.consumer = new ContextConsumer(host, { context: feedContext });
    host.addController(this);
  }

  /** The feed's current state, or `connecting` before the element is connected. */
  get state(): FeedState {
    return this.consumer.value?.state ?? 'connecting';
  }

  hostConnected(): void {
    const feed = this.consumer.value;
    if (!feed) return;
    const { onEvent, onState, onResume } = this.handlers;
    if (onEvent) this.unsubscribe.push(feed.subscribe(onEvent));
    if (onResume) this.unsubscribe.push(feed.onReset(onResume));
    this.unsubscribe.push(
      feed.onStateChange((state) => {
        onState?.(state);
        if (state === 'open' && this.wasDown) onResume?.();
        this.wasDown = state === 'down' || (this.wasDown && state !== 'open');
      }),
    );
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.unsubscribe = [];
  }
}
