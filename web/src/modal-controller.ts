import type { ReactiveController, ReactiveElement } from 'lit';

/** The element that really has focus, looking inside open shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/**
 * Runs the one native `<dialog>` in its host's shadow root as a modal. The browser traps focus, makes
 * the page inert and closes on Escape; this adds closing on a backdrop click and gives focus back to
 * whatever had it before, since the browser would drop it on the page.
 *
 * @example
 * private readonly modal = new ModalController(this, (returnValue) => this.onClosed(returnValue));
 * // in render(): <dialog @close=${this.modal.onClose} @click=${this.modal.onClick}>
 */
export class ModalController implements ReactiveController {
  private returnFocusTo?: HTMLElement;

  /** @param closed - called after every close with the dialog's `returnValue` ('' for Escape, 'cancel' for the backdrop) */
  constructor(
    private readonly host: ReactiveElement,
    private readonly closed: (returnValue: string) => void,
  ) {
    host.addController(this);
  }

  get dialog(): HTMLDialogElement {
    return this.host.renderRoot.querySelector('dialog')!;
  }

  /** Opens the dialog modally; does nothing while it is open. */
  show(): void {
    if (this.dialog.open) return;
    this.returnFocusTo = deepActiveElement();
    this.dialog.returnValue = '';
    this.dialog.showModal();
  }

  /** Closes the dialog with `returnValue`; does nothing while it is closed. */
  close(returnValue?: string): void {
    if (this.dialog.open) this.dialog.close(returnValue);
  }

  hostDisconnected(): void {
    this.returnFocusTo = undefined;
  }

  readonly onClose = (): void => {
    this.returnFocusTo?.focus();
    this.returnFocusTo = undefined;
    this.closed(this.dialog.returnValue);
  };

  readonly onClick = (event: MouseEvent): void => {
    // The form fills the dialog, so a click whose target is the dialog itself landed on the backdrop.
    if (event.target === this.dialog) this.close('cancel');
  };
}
