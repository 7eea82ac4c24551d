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
 * Every close we can see coming (a form button, Escape, the backdrop, `close()`) reports its outcome
 * synchronously. The native `close` event comes a task later, after focus is already back on the
 * trigger: a quick Enter there would otherwise reopen a dialog the host still thinks is open, and the
 * late event would then cancel it.
 *
 * @example
 * private readonly modal = new ModalController(this, (returnValue) => this.onClosed(returnValue));
 * // in render(): <dialog @close=${this.modal.onClose} @cancel=${this.modal.onCancel} @click=${this.modal.onClick}>
 * //                <form method="dialog" @submit=${this.modal.onSubmit}>
 */
export class ModalController implements ReactiveController {
  private returnFocusTo?: HTMLElement;
  /** True between show() and the report of how the dialog closed. */
  private showing = false;

  /** @param closed - called once after every close with the dialog's `returnValue` ('' for Escape, 'cancel' for the backdrop) */
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
    this.showing = true;
    this.dialog.showModal();
  }

  /** Closes the dialog with `returnValue` and reports it; does nothing while it is closed. */
  close(returnValue = ''): void {
    if (!this.dialog.open) return;
    this.dialog.close(returnValue);
    this.report();
  }

  hostDisconnected(): void {
    this.returnFocusTo = undefined;
  }

  private report(): void {
    if (!this.showing) return;
    this.showing = false;
    this.returnFocusTo?.focus();
    this.returnFocusTo = undefined;
    this.closed(this.dialog.returnValue);
  }

  /**
   * The native close event: reports a close that did not come through close(). One that arrives after
   * the dialog was already reopened is stale and ignored.
   */
  readonly onClose = (): void => {
    if (!this.dialog.open) this.report();
  };

  /** Escape: closed here rather than by the browser, so the outcome is reported at once. */
  readonly onCancel = (event: Event): void => {
    event.preventDefault();
    this.close('');
  };

  /** A `method="dialog"` form's button: its value becomes the returnValue, as the browser would do. */
  readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.close((event.submitter as HTMLButtonElement | null)?.value ?? '');
  };

  readonly onClick = (event: MouseEvent): void => {
    // The form fills the dialog, so a click whose target is the dialog itself landed on the backdrop.
    if (event.target === this.dialog) this.close('cancel');
  };
}
