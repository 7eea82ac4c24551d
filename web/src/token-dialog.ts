import { LitElement, html, nothing } from 'lit';
import { ModalController } from './modal-controller.js';
import { tokenDialogStyles } from './token-dialog.styles.js';

/**
 * Asks for the daemon's API token in a modal native `<dialog>`, for a daemon started with API_TOKEN
 * (it then refuses changes without the token). The token is typed into a password field; a refused
 * one is asked for again with the server's reason beside the field.
 *
 * @csspart dialog - the `<dialog>` element
 */
export class TokenDialog extends LitElement {
  static override styles = tokenDialogStyles;

  static override properties = {
    refused: { state: true },
  };

  /** The server's message about the token it last refused; undefined when none was refused. */
  declare private refused: string | undefined;
  /** Settles the pending {@link ask}. */
  private answer?: (token: string | undefined) => void;
  private readonly modal = new ModalController(this, (returnValue) => this.onClosed(returnValue));

  constructor() {
    super();
    this.refused = undefined;
  }

  /**
   * Opens the dialog with an empty field.
   * @param refused - the server's message when the token already sent was refused
   * @returns the token entered (trimmed), or undefined when the dialog was cancelled
   */
  async ask(refused?: string): Promise<string | undefined> {
    this.answer?.(undefined);
    this.refused = refused;
    await this.updateComplete;
    this.input.value = '';
    const token = new Promise<string | undefined>((resolve) => (this.answer = resolve));
    this.modal.show();
    return token;
  }

  private get input(): HTMLInputElement {
    return this.renderRoot.querySelector('input')!;
  }

  private onClosed(returnValue: string): void {
    const token = returnValue === 'use' ? this.input.value.trim() : '';
    this.input.value = '';
    this.answer?.(token || undefined);
    this.answer = undefined;
  }

  override render() {
    const { refused } = this;
    return html`<dialog part="dialog" aria-labelledby="heading" aria-describedby="why" @close=${this.modal.onClose} @cancel=${this.modal.onCancel} @click=${this.modal.onClick}>
      <form method="dialog" @submit=${this.modal.onSubmit}>
        <h2 id="heading">API token needed</h2>
        <p id="why">
          This daemon was started with <code>API_TOKEN</code> set, so starting a regeneration needs that token. Find it in the
          daemon's environment or <code>.env</code> file, or ask whoever runs it. This tab keeps it until you close it.
        </p>
        <label for="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          required
          autocomplete="off"
          spellcheck="false"
          autofocus
          aria-invalid=${refused ? 'true' : 'false'}
          aria-describedby=${refused ? 'refused' : nothing}
        />
        ${refused ? html`<p id="refused" class="field-error" role="alert">The daemon refused that token: ${refused}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${() => this.modal.close('cancel')}>Cancel</button>
          <button value="use" class="primary">Use token</button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define('token-dialog', TokenDialog);

declare global {
  interface HTMLElementTagNameMap {
    'token-dialog': TokenDialog;
  }
}
