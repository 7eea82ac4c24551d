import { LitElement, css, html, nothing } from 'lit';
import { emit } from './emit.js';
import { controlStyles } from './shared-styles.js';

/**
 * The batch controls above the grid: how many actors are selected, "Select all N matching" (the actors
 * the search shows), "Clear", and "Regenerate selected", which asks for confirmation like one card does.
 *
 * @fires pf-select-all - select every actor the search shows
 * @fires pf-select-clear - unselect every actor
 * @fires pf-regenerate-selected - regenerate the selected actors (not yet confirmed)
 */
export class SelectionBar extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      .count {
        margin: 0 auto 0 0;
        font-weight: 600;
        font-size: 0.9rem;
      }
      button {
        min-height: 2.5rem;
        padding-block: 0.35rem;
      }
    `,
  ];

  static override properties = {
    selected: { type: Number },
    matching: { type: Number },
    filtered: { type: Boolean },
  };

  /** How many actors are selected. */
  declare selected: number;
  /** How many actors the search shows (all of them without a search). */
  declare matching: number;
  /** Whether a search narrows the grid: then "Select all" says it selects the matching ones. */
  declare filtered: boolean;

  constructor() {
    super();
    this.selected = 0;
    this.matching = 0;
    this.filtered = false;
  }

  override render() {
    const { selected, matching } = this;
    const all = this.filtered ? `Select all ${matching.toLocaleString()} matching` : `Select all ${matching.toLocaleString()}`;
    return html`<p class="count" role="status">${selected ? `${selected.toLocaleString()} selected` : 'Select cards to regenerate several at once'}</p>
      ${matching > 0 ? html`<button @click=${() => emit(this, 'pf-select-all', undefined)}>${all}</button>` : nothing}
      ${
        selected
          ? html`<button @click=${() => emit(this, 'pf-select-clear', undefined)}>Clear</button>
            <button class="primary" @click=${() => emit(this, 'pf-regenerate-selected', undefined)}>
              <span aria-hidden="true">🎨</span> Regenerate selected (${selected.toLocaleString()})
            </button>`
          : nothing
      }`;
  }
}

customElements.define('selection-bar', SelectionBar);

declare global {
  interface HTMLElementTagNameMap {
    'selection-bar': SelectionBar;
  }
}
