import { LitElement, html } from 'lit';
import { dialogStyles } from './dialog.styles.js';
import { emit } from './emit.js';
import { ModalController } from './modal-controller.js';

/**
 * A modal confirmation on the native `<dialog>`: the browser traps focus, makes the page inert and
 * closes on Escape. Focus starts on Cancel (the safe choice) and returns to whatever had it before.
 *
 * @fires pf-confirm - the confirm button was pressed
 * @fires pf-cancel - Cancel, Escape, or a click on the backdrop
 * @csspart dialog - the `<dialog>` element
 */
export class ConfirmDialog extends LitElement {
  static override styles = dialogStyles;

  static override properties = {
    open: { type: Boolean, reflect: true },
    heading: {},
    message: {},
    confirmLabel: { attribute: 'confirm-label' },
  };

  /** Shows the dialog modally when true; set back to false by the dialog itself when it closes. */
  declare open: boolean;
  declare heading: string;
  /** The question's details, read by screen readers as the dialog's description. */
  declare message: string;
  declare confirmLabel: string;
  private readonly modal = new ModalController(this, (returnValue) => this.onClosed(returnValue));

  constructor() {
    super();
    this.open = false;
    this.heading = 'Are you sure?';
    this.message = '';
    this.confirmLabel = 'Confirm';
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('open')) return;
    if (this.open) this.modal.show();
    else this.modal.close();
  }

  private onClosed(returnValue: string): void {
    this.open = false;
    if (returnValue === 'confirm') emit(this, 'pf-confirm', undefined);
    else emit(this, 'pf-cancel', undefined);
  }

  override render() {
    return html`<dialog part="dialog" aria-labelledby="heading" aria-describedby="message" @close=${this.modal.onClose} @cancel=${this.modal.onCancel} @click=${this.modal.onClick}>
      <form method="dialog" @submit=${this.modal.onSubmit}>
        <h2 id="heading">${this.heading}</h2>
        <p id="message">${this.message}</p>
        <div class="actions">
          <button value="cancel" autofocus>Cancel</button>
          <button value="confirm" class="primary">${this.confirmLabel}</button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define('confirm-dialog', ConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'confirm-dialog': ConfirmDialog;
  }
}
