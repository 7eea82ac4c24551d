import { LitElement, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Actor } from '../../shared/api-types.js';
import { initials, nameHue } from './actor-monogram.js';
import { IDLE, type CardState } from './card-state.js';
import { emit } from './emit.js';
import { placeholderStyle } from './poster-placeholder.js';
import { posterSources } from './poster-sources.js';
import { regeneratedText } from './relative-time.js';
import { actorCardStyles } from './actor-card.styles.js';

/** Lets a long name like "0011_pacific_islander_29_female" wrap after an underscore, not mid-word. */
const breakable = (name: string) => name.split('_').map((part, i) => (i === 0 ? part : html`_<wbr />${part}`));

/**
 * One actor: poster, name, description, when the poster was last regenerated, and the
 * "Regenerate Poster" button. While a job runs the poster stays visible, dimmed under a spinner and the
 * stage, with a progress bar and its percent below. A poster that fails to load (or an actor without
 * one) shows a drawn placeholder with the actor's initials instead of the browser's broken image.
 *
 * While busy the button stays focusable (`aria-disabled` rather than `disabled`), so keyboard focus is
 * not thrown back to the page when a regeneration starts.
 *
 * @fires pf-regenerate - the button was pressed while idle; `detail.actor` is this card's actor
 * @fires pf-open-history - the History button was pressed; `detail.actor` is this card's actor
 * @csspart button - the regenerate button
 * @csspart poster - the poster image or placeholder
 */
export class ActorCard extends LitElement {
  static override styles = actorCardStyles;

  static override properties = {
    actor: { attribute: false },
    state: { attribute: false },
    failedSrc: { state: true },
  };

  /** The actor to show. */
  declare actor: Actor;
  /** Idle or busy with progress; computed by the library from live job events. */
  declare state: CardState;
  /** The poster URL that failed to load; a new poster (a new `?v=`) gets its own try. */
  declare private failedSrc: string | undefined;

  constructor() {
    super();
    this.state = IDLE;
  }

  private onRegenerate(): void {
    if (this.state.busy) return;
    emit(this, 'pf-regenerate', { actor: this.actor });
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
    return html`<article aria-labelledby="name" aria-busy=${state.busy ? 'true' : 'false'}>
      <div class="poster ${state.busy ? 'busy' : ''}">
        ${this.renderPoster()}
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
          class="primary"
          aria-describedby="name"
          aria-disabled=${state.busy ? 'true' : 'false'}
          @click=${this.onRegenerate}
        >
          ${state.busy ? html`<span aria-hidden="true">⏳</span> Generating…` : html`<span aria-hidden="true">🎨</span> Regenerate Poster`}
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
