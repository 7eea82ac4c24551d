import { LitElement, css, html, nothing } from 'lit';
import type { JobMode, StylePreset } from '../../shared/api-types.js';
import { DEFAULT_STYLE_ID } from '../../shared/styles.js';
import { dialogStyles } from './dialog.styles.js';
import { emit } from './emit.js';
import { fieldStyles } from './field.styles.js';
import { ModalController } from './modal-controller.js';
import { paramsFromFields } from './regenerate-choice.js';

const MODES: readonly string[] = ['publish', 'preview'] satisfies JobMode[];

/**
 * Asks how to regenerate a poster, in a modal native `<dialog>`: a style (from `GET /api/styles`) and
 * an optional seed, then "Preview first" (make a version to compare, publish nothing) or "Regenerate
 * now" (publish when ready). Focus starts on Cancel, the safe choice. The style is kept between
 * openings; the seed is cleared, since a seed is for reproducing one particular poster.
 *
 * @fires pf-regenerate-confirm - "Preview first" or "Regenerate now" with valid fields; `detail` is the mode and parameters
 * @fires pf-cancel - Cancel, Escape, or a click on the backdrop
 * @csspart dialog - the `<dialog>` element
 */
export class RegenerateDialog extends LitElement {
  static override styles = [
    dialogStyles,
    fieldStyles,
    css`
      dialog {
        width: min(32rem, calc(100vw - 2rem));
      }
      .fields {
        display: grid;
        gap: 1rem;
        margin-bottom: 1.25rem;
      }
      .hint {
        margin: 0.35rem 0 0;
        font-size: 0.85rem;
      }
    `,
  ];

  static override properties = {
    open: { type: Boolean, reflect: true },
    heading: {},
    message: {},
    presets: { attribute: false },
    styleId: { state: true },
    seedError: { state: true },
  };

  /** Shows the dialog modally when true; set back to false by the dialog itself when it closes. */
  declare open: boolean;
  /** The question; "Regenerate poster frame?" unless set (the batch flow asks about several). */
  declare heading: string;
  /** What will happen, worded for this actor and daemon (see confirm-copy.ts). */
  declare message: string;
  /** The presets to choose from; the style field is left out when the daemon offers none. */
  declare presets: readonly StylePreset[];
  /** The chosen preset id; '' until one is chosen (the daemon's default applies). */
  declare private styleId: string;
  declare private seedError: string | undefined;
  private readonly modal = new ModalController(this, (returnValue) => this.onClosed(returnValue));

  constructor() {
    super();
    this.open = false;
    this.heading = 'Regenerate poster frame?';
    this.message = '';
    this.presets = [];
    this.styleId = '';
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('open')) return;
    if (this.open) {
      this.seedError = undefined;
      this.seedInput.value = '';
      this.modal.show();
    } else this.modal.close();
  }

  private get seedInput(): HTMLInputElement {
    return this.renderRoot.querySelector('#seed')!;
  }

  /** A mode button with a seed that is not one stays open and says why. */
  private onSubmit(event: SubmitEvent): void {
    const mode = (event.submitter as HTMLButtonElement | null)?.value ?? '';
    if (MODES.includes(mode)) {
      const { error } = paramsFromFields(this.styleId, this.seedInput.value);
      this.seedError = error;
      if (error) {
        event.preventDefault();
        this.seedInput.focus();
        return;
      }
    }
    this.modal.onSubmit(event);
  }

  private onClosed(returnValue: string): void {
    this.open = false;
    if (!MODES.includes(returnValue)) {
      emit(this, 'pf-cancel', undefined);
      return;
    }
    const { params = {} } = paramsFromFields(this.styleId, this.seedInput.value);
    emit(this, 'pf-regenerate-confirm', { mode: returnValue as JobMode, params });
  }

  private renderStyleField() {
    if (this.presets.length === 0) return nothing;
    // Untouched, the field shows the daemon's default style and sends none, so the daemon's default applies.
    const shownId = this.styleId || DEFAULT_STYLE_ID;
    const chosen = this.presets.find((preset) => preset.id === shownId);
    return html`<div>
      <label for="style">Style</label>
      <select id="style" aria-describedby="style-hint" @change=${(e: Event) => (this.styleId = (e.target as HTMLSelectElement).value)}>
        ${this.presets.map((preset) => html`<option value=${preset.id} ?selected=${preset === chosen}>${preset.label}</option>`)}
      </select>
      <p id="style-hint" class="hint">${chosen?.description ?? nothing}</p>
    </div>`;
  }

  override render() {
    const { seedError } = this;
    return html`<dialog part="dialog" aria-labelledby="heading" aria-describedby="message" @close=${this.modal.onClose} @cancel=${this.modal.onCancel} @click=${this.modal.onClick}>
      <form method="dialog" novalidate @submit=${this.onSubmit}>
        <h2 id="heading">${this.heading}</h2>
        <p id="message">${this.message}</p>
        <div class="fields">
          ${this.renderStyleField()}
          <div>
            <label for="seed">Seed <span class="hint">(optional)</span></label>
            <input
              id="seed"
              inputmode="numeric"
              autocomplete="off"
              placeholder="Random"
              aria-describedby=${seedError ? 'seed-error' : 'seed-hint'}
              aria-invalid=${seedError ? 'true' : 'false'}
            />
            ${
              seedError
                ? html`<p id="seed-error" class="field-error" role="alert">${seedError}</p>`
                : html`<p id="seed-hint" class="hint">Leave empty for a new look each time; enter a recorded seed to make a poster again.</p>`
            }
          </div>
        </div>
        <div class="actions">
          <!-- Not a submit button: Enter in the seed field submits with the first one, which should not be Cancel. -->
          <button type="button" autofocus @click=${() => this.modal.close('cancel')}>Cancel</button>
          <button value="preview">Preview first</button>
          <button value="publish" class="primary">Regenerate now</button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define('regenerate-dialog', RegenerateDialog);

declare global {
  interface HTMLElementTagNameMap {
    'regenerate-dialog': RegenerateDialog;
  }
}
