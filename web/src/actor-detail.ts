import { ContextConsumer } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Actor, PosterVersion, StylePreset } from '../../shared/api-types.js';
import { breakable } from './breakable-name.js';
import { apiContext } from './context.js';
import { dialogStyles } from './dialog.styles.js';
import { emit } from './emit.js';
import './history-strip.js';
import { ModalController } from './modal-controller.js';
import { placeholderStyle } from './poster-placeholder.js';

/**
 * An actor's detail view, in a modal native `<dialog>`: the current poster large, the description,
 * and the history strip of every poster version with Revert. The history is fetched when the view
 * opens and again whenever the actor's poster changes (a revert, an accepted preview, a job elsewhere).
 *
 * @fires pf-close - Close, Escape, or a click on the backdrop
 * @fires pf-revert - (from the history strip) Revert on a version
 * @fires pf-compare - (from the history strip) Compare on a pending preview
 * @csspart dialog - the `<dialog>` element
 */
export class ActorDetail extends LitElement {
  static override styles = [
    dialogStyles,
    css`
      dialog {
        width: min(52rem, calc(100vw - 2rem));
      }
      .summary {
        display: grid;
        grid-template-columns: minmax(0, 14rem) 1fr;
        gap: 1.25rem;
        align-items: start;
        margin-bottom: 1.25rem;
      }
      /* On a phone the poster sits small beside the name, so the history strip stays in view. */
      @media (max-width: 34rem) {
        .summary {
          grid-template-columns: 6.5rem 1fr;
          gap: 0.9rem;
        }
        h2 {
          font-size: 1rem;
        }
        .summary p {
          margin: 0;
          font-size: 0.9rem;
        }
      }
      .summary img {
        display: block;
        width: 100%;
        aspect-ratio: 1;
        border-radius: var(--pf-radius);
        object-fit: cover;
        background: var(--pf-surface-2);
      }
      h2 {
        overflow-wrap: break-word;
      }
      h3 {
        margin: 0 0 0.5rem;
        font-size: 1rem;
      }
    `,
  ];

  static override properties = {
    open: { type: Boolean, reflect: true },
    actor: { attribute: false },
    presets: { attribute: false },
    reverting: {},
    revision: { type: Number },
  };

  /** Shows the dialog modally when true; set back to false by the dialog itself when it closes. */
  declare open: boolean;
  /** The actor as the page knows it now: a new poster refreshes the history. */
  declare actor: Actor | undefined;
  declare presets: readonly StylePreset[];
  /** The version a revert is running for, passed on to the strip. */
  declare reverting: string | undefined;
  /** Bumped by the host after a change the actor does not show (a discarded preview): refetches the history. */
  declare revision: number;
  private readonly api = new ContextConsumer(this, { context: apiContext });
  private readonly modal = new ModalController(this, () => this.onClosed());
  private readonly history = new Task(this, {
    task: async ([open, id], { signal }) => (open && id ? (await this.api.value!.history(id, signal)).versions : []),
    args: () => [this.open, this.actor && String(this.actor.id), this.actor?.poster_frames?.standard.webp_sm, this.revision] as const,
  });

  constructor() {
    super();
    this.open = false;
    this.presets = [];
    this.revision = 0;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('open')) return;
    if (this.open) this.modal.show();
    else this.modal.close();
  }

  private onClosed(): void {
    this.open = false;
    emit(this, 'pf-close', undefined);
  }

  private renderPoster(actor: Actor) {
    const frames = actor.poster_frames;
    if (!frames?.standard.webp_md) return html`<p>No poster yet.</p>`;
    return html`<img src=${frames.standard.webp_md} alt="Current poster of ${actor.name}" style=${styleMap(placeholderStyle(frames.placeholder))} />`;
  }

  private renderStrip(versions: readonly PosterVersion[]) {
    return html`<history-strip .versions=${versions} .presets=${this.presets} .reverting=${this.reverting}></history-strip>`;
  }

  override render() {
    const { actor } = this;
    return html`<dialog part="dialog" aria-labelledby="heading" @close=${this.modal.onClose} @cancel=${this.modal.onCancel} @click=${this.modal.onClick}>
      <form method="dialog" @submit=${this.modal.onSubmit}>
        ${
          actor
            ? html`<div class="summary">
                ${this.renderPoster(actor)}
                <div>
                  <h2 id="heading">${breakable(actor.name)}</h2>
                  <p>${actor.description ?? nothing}</p>
                </div>
              </div>`
            : nothing
        }
        <h3>Poster history</h3>
        ${this.history.render({
          // A refresh keeps showing the strip it had.
          pending: () => (this.history.value ? this.renderStrip(this.history.value) : html`<p role="status">Loading the poster history…</p>`),
          complete: (versions) => this.renderStrip(versions),
          error: (error) =>
            html`<p role="alert">
              Could not load the poster history: ${(error as Error).message}
              <button type="button" @click=${() => this.history.run()}>Try again</button>
            </p>`,
        })}
        <div class="actions">
          <button value="close" autofocus>Close</button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define('actor-detail', ActorDetail);

declare global {
  interface HTMLElementTagNameMap {
    'actor-detail': ActorDetail;
  }
}
