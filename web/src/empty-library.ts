import { LitElement, html } from 'lit';
import type { ServerInfo } from '../../shared/api-types.js';
import { emit } from './emit.js';
import { emptyLibraryStyles } from './empty-library.styles.js';

/** How a newcomer loads the sample actors; the README's "Your actors" section says the same. */
export const SAMPLE_COPY_COMMAND = 'cp data/samples/actorsData.json "$DATA_DIR/actorsData.json"';

/**
 * What the library shows when there are no actors at all: why (no actors file in DATA_DIR, or a file
 * with no actors in it), how to load your own actorsData.json or the samples, and a button to look again.
 *
 * @fires pf-reload - "Check again" was pressed
 */
export class EmptyLibrary extends LitElement {
  static override styles = emptyLibraryStyles;

  static override properties = {
    info: { attribute: false },
  };

  /** From `GET /api/info`; undefined when the daemon does not say whether the file exists. */
  declare info: ServerInfo | undefined;

  override render() {
    const missing = this.info?.actors.file_present === false;
    return html`<div role="status">
      <span class="art" aria-hidden="true">🎭</span>
      <h2>No actors yet</h2>
      <p>
        ${
          missing
            ? html`The daemon’s data folder (<code>DATA_DIR</code>) has no <code>actorsData.json</code>.`
            : html`The <code>actorsData.json</code> in the daemon’s data folder (<code>DATA_DIR</code>) lists no actors.`
        }
      </p>
      <p>
        Put your own <code>actorsData.json</code> there: a JSON array of actors, each with an <code>id</code>,
        <code>name</code>, <code>description</code> and <code>lora_model_url</code>.
      </p>
      <p>Or start with the 14 sample actors shipped with Posterframe:</p>
      <pre><code>${SAMPLE_COPY_COMMAND}</code></pre>
      <button class="primary" @click=${() => emit(this, 'pf-reload', undefined)}>Check again</button>
    </div>`;
  }
}

customElements.define('empty-library', EmptyLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'empty-library': EmptyLibrary;
  }
}
