import type { Actor, Job, PosterVersion } from '../../shared/api-types.js';
import type { RegenerateChoice } from './api-client.js';

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
  /** The regenerate dialog's "Regenerate now" (mode `publish`) or "Preview first" (mode `preview`), with the chosen parameters. */
  'pf-regenerate-confirm': Required<RegenerateChoice>;
  /** An actor card's "History" button: open the actor's detail view with its poster versions. */
  'pf-open-history': { actor: Actor };
  /** The history strip's "Revert" on a published version: publish it again. */
  'pf-revert': { version: PosterVersion };
  /** The history strip's "Compare" on a pending preview: open it in the compare view. */
  'pf-compare': { version: PosterVersion };
  /** The compare view's "Accept": publish the preview. */
  'pf-accept': undefined;
  /** The compare view's "Discard": delete the preview. */
  'pf-discard': undefined;
  /** A view closed without a decision (Close, "Decide later", Escape, a click outside). */
  'pf-close': undefined;
  /** A card's checkbox was clicked; `range` when with shift, to select from the last one clicked. */
  'pf-select': { actor: Actor; range: boolean };
  /** Select every actor the search shows. */
  'pf-select-all': undefined;
  /** Unselect every actor. */
  'pf-select-clear': undefined;
  /** "Regenerate selected" was pressed (not yet confirmed). */
  'pf-regenerate-selected': undefined;
  /** Cancel a running batch's queued and running jobs. */
  'pf-batch-cancel': { batchId: string };
  /** Run a settled batch's failed and cancelled jobs again, as a new batch. */
  'pf-batch-retry': { batchId: string };
  /** Hide a settled batch's progress bar. */
  'pf-batch-dismiss': { batchId: string };
  /** Cancel one queued or running job. */
  'pf-job-cancel': { job: Job };
  /** Run a failed or cancelled job's request again. */
  'pf-job-retry': { job: Job };
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
    'pf-regenerate-confirm': PosterframeEvent<'pf-regenerate-confirm'>;
    'pf-open-history': PosterframeEvent<'pf-open-history'>;
    'pf-revert': PosterframeEvent<'pf-revert'>;
    'pf-compare': PosterframeEvent<'pf-compare'>;
    'pf-accept': PosterframeEvent<'pf-accept'>;
    'pf-discard': PosterframeEvent<'pf-discard'>;
    'pf-close': PosterframeEvent<'pf-close'>;
    'pf-select': PosterframeEvent<'pf-select'>;
    'pf-select-all': PosterframeEvent<'pf-select-all'>;
    'pf-select-clear': PosterframeEvent<'pf-select-clear'>;
    'pf-regenerate-selected': PosterframeEvent<'pf-regenerate-selected'>;
    'pf-batch-cancel': PosterframeEvent<'pf-batch-cancel'>;
    'pf-batch-retry': PosterframeEvent<'pf-batch-retry'>;
    'pf-batch-dismiss': PosterframeEvent<'pf-batch-dismiss'>;
    'pf-job-cancel': PosterframeEvent<'pf-job-cancel'>;
    'pf-job-retry': PosterframeEvent<'pf-job-retry'>;
  }
}
