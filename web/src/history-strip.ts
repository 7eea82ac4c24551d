import { LitElement, css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { PosterVersion, StylePreset } from '../../shared/api-types.js';
import { controlStyles } from './shared-styles.js';
import { emit } from './emit.js';
import { placeholderStyle } from './poster-placeholder.js';
import { versionDate, versionSummary } from './version-text.js';

/**
 * An actor's poster versions, newest first, as a row of thumbnails that scrolls sideways: each with its
 * date, style and seed; the current one marked; Revert on the other published ones, Compare on a
 * preview still waiting for a decision. Discarded versions (their files are gone) are left out.
 *
 * @fires pf-revert - Revert was pressed; `detail.version` is the version to publish again
 * @fires pf-compare - Compare was pressed on a pending preview
 */
export class HistoryStrip extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      ol {
        display: flex;
        gap: 0.75rem;
        margin: 0;
        padding: 0.25rem 0.25rem 0.75rem;
        list-style: none;
        overflow-x: auto;
        scroll-snap-type: x proximity;
      }
      li {
        flex: 0 0 9.5rem;
        display: grid;
        gap: 0.35rem;
        align-content: start;
        padding: 0.5rem;
        border: 1px solid var(--pf-border);
        border-radius: var(--pf-radius);
        background: var(--pf-surface);
        scroll-snap-align: start;
        font-size: 0.8rem;
      }
      li[aria-current='true'] {
        border-color: var(--pf-accent);
        box-shadow: 0 0 0 2px var(--pf-accent);
      }
      img {
        display: block;
        width: 100%;
        aspect-ratio: 1;
        border-radius: 0.4rem;
        object-fit: cover;
      }
      time {
        font-weight: 600;
      }
      .made-with {
        color: var(--pf-muted);
      }
      .badge {
        justify-self: start;
        padding: 0.1rem 0.55rem;
        border-radius: 999px;
        background: var(--pf-accent);
        color: var(--pf-accent-text);
        font-weight: 600;
      }
      .badge.preview {
        background: var(--pf-surface-2);
        color: var(--pf-text);
      }
      button {
        min-height: 2.75rem;
        padding-inline: 0.5rem;
      }
    `,
  ];

  static override properties = {
    versions: { attribute: false },
    presets: { attribute: false },
    reverting: {},
  };

  /** Newest first, as `GET /api/actors/:id/history` lists them. */
  declare versions: readonly PosterVersion[];
  /** The style presets, to name each version's style. */
  declare presets: readonly StylePreset[];
  /** The version being reverted to: its button shows the wait and no other revert starts. */
  declare reverting: string | undefined;

  constructor() {
    super();
    this.versions = [];
    this.presets = [];
  }

  private renderAction(version: PosterVersion, date: string) {
    if (version.current) return html`<span class="badge">Current</span>`;
    if (version.state === 'preview') {
      return html`<span class="badge preview">Preview</span>
        <button aria-label="Compare the preview of ${date}" @click=${() => emit(this, 'pf-compare', { version })}>Compare</button>`;
    }
    const busy = this.reverting !== undefined;
    return html`<button
      aria-label="Revert to the poster of ${date}"
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${() => busy || emit(this, 'pf-revert', { version })}
    >
      ${this.reverting === version.version ? 'Reverting…' : 'Revert'}
    </button>`;
  }

  override render() {
    const shown = this.versions.filter((version) => version.state !== 'discarded');
    if (shown.length === 0) return html`<p>No versions recorded yet: the next regeneration makes the first.</p>`;
    return html`<ol aria-label="Poster versions, newest first">
      ${shown.map((version) => {
        const date = versionDate(version.created_at);
        return html`<li aria-current=${version.current ? 'true' : nothing} data-version=${version.version}>
          <img
            src=${version.poster_frames.standard.webp_sm}
            alt="Poster of ${date}"
            loading="lazy"
            decoding="async"
            style=${styleMap(placeholderStyle(version.placeholder ?? version.poster_frames.placeholder))}
          />
          <time datetime=${version.created_at}>${date}</time>
          <span class="made-with">${versionSummary(version, this.presets)}</span>
          ${this.renderAction(version, date)}
        </li>`;
      })}
    </ol>`;
  }
}

customElements.define('history-strip', HistoryStrip);

declare global {
  interface HTMLElementTagNameMap {
    'history-strip': HistoryStrip;
  }
}
