import type { Actor } from '../../shared/api-types.js';

/** A toast an element asks the page to show. */
export interface ToastRequest {
  kind: 'info' | 'success' | 'error';
  message: string;
}

/** Every custom event the UI fires, with its `detail`. Names are declared here once. */
export interface PosterframeEventMap {
  /** An actor card's "Regenerate Poster" button was pressed (not yet confirmed). */
  'pf-regenerate': { actor: Actor };
  /** The confirmation dialog was accepted. */
  'pf-confirm': undefined;
  /** The confirmation dialog was dismissed (Cancel, Escape, or a click outside). */
  'pf-cancel': undefined;
  /** Fetch the actors again (the empty library's "Check again" button). */
  'pf-reload': undefined;
  /** Show a toast; handled by the page shell. */
  'pf-toast': ToastRequest;
}

export type PosterframeEvent<K extends keyof PosterframeEventMap> = CustomEvent<PosterframeEventMap[K]>;

/**
 * Fires a typed event that bubbles out of shadow roots, so a listener on any ancestor element sees it.
 *
 * @returns false when a listener called `preventDefault()`
 * @example emit(this, 'pf-toast', { kind: 'error', message: 'Could not reach the daemon' })
 */
export function emit<K extends keyof PosterframeEventMap>(target: EventTarget, name: K, detail: PosterframeEventMap[K]): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
}

declare global {
  interface HTMLElementEventMap {
    'pf-regenerate': PosterframeEvent<'pf-regenerate'>;
    'pf-confirm': PosterframeEvent<'pf-confirm'>;
    'pf-cancel': PosterframeEvent<'pf-cancel'>;
    'pf-reload': PosterframeEvent<'pf-reload'>;
    'pf-toast': PosterframeEvent<'pf-toast'>;
  }
}
