import { LitElement, css, html } from 'lit';
import { emit } from './emit.js';
import { controlStyles } from './shared-styles.js';

/** The element that really has focus, looking inside open shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/**
 * A modal confirmation on the native `<dialog>`: the browser traps focus, makes the page inert and
 * closes on Escape. Focus starts on Cancel (the safe choice) and returns to whatever had it before.
 *
 * @fires pf-confirm - the confirm button was pressed
 * @fires pf-cancel - Cancel, Escape, or a click on the backdrop
 * @csspart dialog - the `<dialog>` element
 */
export class ConfirmDialog extends LitElement {
  static override styles = [
    controlStyles,
    css`
      dialog {
        width: min(28rem, calc(100vw - 2rem));
        padding: 0;
        border: 1px solid var(--pf-border);
        border-radius: var(--pf-radius);
        background: var(--pf-surface);
        color: var(--pf-text);
        box-shadow: var(--pf-shadow-lg);
      }
      dialog::backdrop {
        background: rgb(10 12 20 / 0.55);
      }
      form {
        padding: 1.25rem 1.5rem 1.5rem;
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.2rem;
      }
      p {
        margin: 0 0 1.25rem;
        color: var(--pf-muted);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: 0.75rem;
      }
      @media (prefers-reduced-motion: no-preference) {
        dialog[open] {
          animation: pop-in 150ms ease-out;
        }
        @keyframes pop-in {
          from {
            opacity: 0;
            transform: translateY(0.5rem);
          }
        }
      }
    `,
  ];

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
  private returnFocusTo?: HTMLElement;

  constructor() {
    super();
    this.open = false;
    this.heading = 'Are you sure?';
    this.message = '';
    this.confirmLabel = 'Confirm';
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) {
      this.returnFocusTo = deepActiveElement();
      this.dialog.returnValue = '';
      this.dialog.showModal();
    } else if (!this.open && this.dialog.open) {
      this.dialog.close();
    }
  }

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  private onClose(): void {
    const confirmed = this.dialog.returnValue === 'confirm';
    this.open = false;
    this.returnFocusTo?.focus();
    this.returnFocusTo = undefined;
    if (confirmed) emit(this, 'pf-confirm', undefined);
    else emit(this, 'pf-cancel', undefined);
  }

  private onClick(event: MouseEvent): void {
    // The form fills the dialog, so a click whose target is the dialog itself landed on the backdrop.
    if (event.target === this.dialog) this.dialog.close('cancel');
  }

  override render() {
    return html`<dialog part="dialog" aria-labelledby="heading" aria-describedby="message" @close=${this.onClose} @click=${this.onClick}>
      <form method="dialog">
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
