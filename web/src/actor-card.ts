import { LitElement, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Actor } from '../../shared/api-types.js';
import { initials, nameHue } from './actor-monogram.js';
import { breakable } from './breakable-name.js';
import { IDLE, type CardState } from './card-state.js';
import { emit } from './emit.js';
import { placeholderStyle } from './poster-placeholder.js';
import { posterSources } from './poster-sources.js';
import { regeneratedText } from './relative-time.js';
import { actorCardStyles } from './actor-card.styles.js';

/**
 * One actor: poster, name, description, when the poster was last regenerated, and the
 * "Regenerate Poster" button. While a job runs the poster stays visible, dimmed under a spinner and the
 * stage, with a progress bar and its percent below. A poster that fails to load (or an actor without
 * one) shows a drawn placeholder with the actor's initials instead of the browser's broken image.
 *
 * While busy the button stays focusable (`aria-disabled` rather than `disabled`), so keyboard focus is
 * not thrown back to the page when a regeneration starts. When the actor's newest job failed, the
 * poster carries the failure and its reason, and the button reads "Retry" (the same confirmation follows).
 * A checkbox over the poster selects the card for a batch.
 *
 * @fires pf-regenerate - the button was pressed while idle; `detail.actor` is this card's actor
 * @fires pf-open-history - the History button was pressed; `detail.actor` is this card's actor
 * @fires pf-select - the checkbox was clicked; `detail.range` when with shift
 * @csspart button - the regenerate button
 * @csspart poster - the poster image or placeholder
 */
export class ActorCard extends LitElement {
  static override styles = actorCardStyles;

  static override properties = {
    actor: { attribute: false },
    state: { attribute: false },
    selected: { type: Boolean },
    failedSrc: { state: true },
  };

  /** The actor to show. */
  declare actor: Actor;
  /** Idle or busy with progress; computed by the library from live job events. */
  declare state: CardState;
  /** Whether the card is selected for a batch. */
  declare selected: boolean;
  /** The poster URL that failed to load; a new poster (a new `?v=`) gets its own try. */
  declare private failedSrc: string | undefined;

  constructor() {
    super();
    this.state = IDLE;
    this.selected = false;
  }

  private onRegenerate(): void {
    if (this.state.busy) return;
    emit(this, 'pf-regenerate', { actor: this.actor });
  }

  private onSelect(event: MouseEvent): void {
    emit(this, 'pf-select', { actor: this.actor, range: event.shiftKey });
  }

  private renderFailure(reason: string) {
    return html`<div class="failure" role="status">
      <strong><span aria-hidden="true">⚠️</span> Regeneration failed</strong>
      <span class="reason" title=${reason}>${breakable(reason)}</span>
    </div>`;
  }

  private renderButtonLabel() {
    if (this.state.busy) return html`<span aria-hidden="true">⏳</span> Generating…`;
    if (this.state.failure) return html`<span aria-hidden="true">↻</span> Retry`;
    return html`<span aria-hidden="true">🎨</span> Regenerate Poster`;
  }

  private renderPlaceholder(note: string) {
    const { name } = this.actor;
    return html`<div class="placeholder" part="poster" role="img" aria-label="${note} for ${name}" style=${styleMap({ '--hue': String(nameHue(name)) })}>
      <span class="monogram" aria-hidden="true">${initials(name)}</span>
      <span class="note">${note}</span>
    </div>`;
  }

  private renderPoster() {
    const sources = posterSources(this.actor);
    if (!sources) return this.renderPlaceholder('No poster yet');
    if (this.failedSrc === sources.src) return this.renderPlaceholder('Poster unavailable');
    // The src changes with every new poster (a new ?v=), so the browser swaps the image in place; the
    // placeholder behind it shows until the new image has loaded.
    return html`<img
      part="poster"
      style=${styleMap(placeholderStyle(this.actor.poster_frames?.placeholder))}
      src=${sources.src}
      srcset=${sources.srcset}
      sizes=${sources.sizes}
      width="1024"
      height="1024"
      loading="lazy"
      decoding="async"
      alt="Poster frame of ${this.actor.name}"
      @error=${() => (this.failedSrc = sources.src)}
    />`;
  }

  override render() {
    const { actor, state } = this;
    return html`<article class=${this.selected ? 'selected' : ''} aria-labelledby="name" aria-busy=${state.busy ? 'true' : 'false'}>
      <div class="poster ${state.busy ? 'busy' : ''}">
        ${this.renderPoster()}
        <label class="select">
          <input type="checkbox" .checked=${live(this.selected)} @click=${this.onSelect} />
          <span class="visually-hidden">Select ${actor.name}</span>
        </label>
        ${state.failure ? this.renderFailure(state.failure) : nothing}
        ${
          state.busy
            ? html`<div class="working" aria-hidden="true"><span class="spinner"></span>${state.label}…</div>
              <div class="progress" role="status">
                <progress max="100" value=${state.percent} aria-label="Regeneration progress"></progress>
                <span>${state.text}</span>
              </div>`
            : nothing
        }
      </div>
      <div class="body">
        <div class="text">
          <h3 id="name">${breakable(actor.name)}</h3>
          <p class="description" title=${actor.description ?? nothing}>${actor.description ?? nothing}</p>
        </div>
        <div class="meta">
          <span>
            ${
              actor.poster_updated_at
                ? html`<time datetime=${actor.poster_updated_at} title=${new Date(actor.poster_updated_at).toLocaleString()}
                  >${regeneratedText(actor.poster_updated_at, new Date())}</time
                >`
                : regeneratedText(undefined, new Date())
            }
          </span>
          <button class="history" aria-describedby="name" @click=${() => emit(this, 'pf-open-history', { actor: this.actor })}>History</button>
        </div>
        <button
          part="button"
          class="primary ${state.failure ? 'retry' : ''}"
          aria-describedby="name"
          aria-disabled=${state.busy ? 'true' : 'false'}
          @click=${this.onRegenerate}
        >
          ${this.renderButtonLabel()}
        </button>
      </div>
    </article>`;
  }
}

customElements.define('actor-card', ActorCard);

declare global {
  interface HTMLElementTagNameMap {
    'actor-card': ActorCard;
  }
}
