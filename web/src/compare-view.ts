import { LitElement, css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Actor, GenerationParams, PosterFrames, StylePreset } from '../../shared/api-types.js';
import { breakable } from './breakable-name.js';
import './compare-slider.js';
import { dialogStyles } from './dialog.styles.js';
import { emit } from './emit.js';
import { ModalController } from './modal-controller.js';
import { placeholderStyle } from './poster-placeholder.js';
import { paramsSummary } from './version-text.js';

/** A preview waiting for a decision: the job that made it, and its version's posters. */
export interface PreviewCandidate {
  job_id: string;
  actor: Actor;
  poster_frames: PosterFrames;
  params?: GenerationParams;
}

/**
 * A preview next to the actor's current poster, in a modal native `<dialog>`: both in one frame split
 * by a draggable, keyboard-operable divider (the current poster left of it, the new one right), what
 * the new one was made with, and Accept / Discard. "Decide later" (or Escape) keeps the preview; it
 * stays in the actor's history until it is decided or expires.
 *
 * @fires pf-accept - Accept: publish the preview
 * @fires pf-discard - Discard: delete the preview
 * @fires pf-close - Decide later, Escape, or a click on the backdrop
 * @csspart dialog - the `<dialog>` element
 */
export class CompareView extends LitElement {
  static override styles = [
    dialogStyles,
    css`
      dialog {
        width: min(44rem, calc(100vw - 2rem));
      }
      compare-slider,
      .only {
        width: min(100%, calc(100vh - 16rem));
        margin: 0 auto 1rem;
      }
      .only {
        display: block;
        aspect-ratio: 1;
        border-radius: var(--pf-radius);
        object-fit: cover;
      }
      .made-with {
        margin-bottom: 1rem;
        color: var(--pf-text);
      }
      .actions .primary {
        min-width: 8rem;
      }
    `,
  ];

  static override properties = {
    open: { type: Boolean, reflect: true },
    candidate: { attribute: false },
    presets: { attribute: false },
  };

  /** Shows the dialog modally when true; set back to false by the dialog itself when it closes. */
  declare open: boolean;
  declare candidate: PreviewCandidate | undefined;
  /** The style presets, to name the preview's style. */
  declare presets: readonly StylePreset[];
  private readonly modal = new ModalController(this, (returnValue) => this.onClosed(returnValue));

  constructor() {
    super();
    this.open = false;
    this.presets = [];
  }

  protected override async updated(changed: Map<PropertyKey, unknown>): Promise<void> {
    if (!changed.has('open')) return;
    if (!this.open) {
      this.modal.close();
      return;
    }
    this.modal.show();
    // Focus starts on the divider, so arrow keys compare at once and a stray Enter decides nothing. The
    // slider renders its input after this update, too late for the dialog's own autofocus.
    const slider = this.renderRoot.querySelector('compare-slider');
    await slider?.updateComplete;
    slider?.focus();
  }

  private onClosed(returnValue: string): void {
    this.open = false;
    if (returnValue === 'accept') emit(this, 'pf-accept', undefined);
    else if (returnValue === 'discard') emit(this, 'pf-discard', undefined);
    else emit(this, 'pf-close', undefined);
  }

  private renderPosters({ actor, poster_frames }: PreviewCandidate) {
    const after = { src: poster_frames.standard.webp_lg, placeholder: poster_frames.placeholder, label: 'New' };
    const current = actor.poster_frames;
    if (!current?.standard.webp_lg) {
      return html`<img class="only" src=${after.src} alt="New poster" style=${styleMap(placeholderStyle(after.placeholder))} />
        <p>${actor.name} has no poster yet: this one would be the first.</p>`;
    }
    const before = { src: current.standard.webp_lg, placeholder: current.placeholder, label: 'Current' };
    return html`<compare-slider .current=${before} .candidate=${after}></compare-slider>`;
  }

  override render() {
    const { candidate } = this;
    return html`<dialog part="dialog" aria-labelledby="heading" @close=${this.modal.onClose} @cancel=${this.modal.onCancel} @click=${this.modal.onClick}>
      <form method="dialog" @submit=${this.modal.onSubmit}>
        <h2 id="heading">Compare posters${candidate ? html` for ${breakable(candidate.actor.name)}` : nothing}</h2>
        ${
          candidate
            ? html`${this.renderPosters(candidate)}
              <p class="made-with">New poster: ${paramsSummary(candidate.params, this.presets)}</p>`
            : nothing
        }
        <div class="actions">
          <button value="later">Decide later</button>
          <button value="discard">Discard</button>
          <button value="accept" class="primary">Accept</button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define('compare-view', CompareView);

declare global {
  interface HTMLElementTagNameMap {
    'compare-view': CompareView;
  }
}
