import { LitElement, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { breakable } from './breakable-name.js';
import type { ToastRequest } from './emit.js';
import { toastStackStyles } from './toast-stack.styles.js';

interface Toast extends ToastRequest {
  id: number;
}

/** How long each kind stays; errors stay longer so there is time to read the reason. */
const LIFETIME_MS: Record<Toast['kind'], number> = { info: 5000, success: 6000, error: 12_000 };
/** More than this and the oldest goes, so a burst of jobs cannot cover the page. */
const MAX_TOASTS = 5;
const ICONS: Record<Toast['kind'], string> = { info: 'ℹ️', success: '✅', error: '⚠️' };

/**
 * Non-blocking notifications in a corner: they stack, dismiss themselves after a while (paused while
 * hovered or focused, so they can be read), and have a dismiss button. Polite toasts are announced
 * through a live region; errors use `role="alert"`. Long actor names wrap at their underscores.
 *
 * @csspart toast - each notification
 */
export class ToastStack extends LitElement {
  static override styles = toastStackStyles;

  static override properties = {
    toasts: { state: true },
  };

  declare private toasts: Toast[];
  private nextId = 1;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();

  constructor() {
    super();
    this.toasts = [];
  }

  /** Shows a toast. @returns its id, for {@link dismiss} */
  show(request: ToastRequest): number {
    const toast = { ...request, id: this.nextId++ };
    const kept = [...this.toasts, toast];
    for (const old of kept.slice(0, -MAX_TOASTS)) this.clearTimer(old.id);
    this.toasts = kept.slice(-MAX_TOASTS);
    this.startTimer(toast);
    return toast.id;
  }

  dismiss(id: number): void {
    this.clearTimer(id);
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const id of this.timers.keys()) this.clearTimer(id);
  }

  private startTimer(toast: Toast): void {
    this.clearTimer(toast.id);
    this.timers.set(
      toast.id,
      setTimeout(() => this.dismiss(toast.id), LIFETIME_MS[toast.kind]),
    );
  }

  private clearTimer(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }

  private renderToast(toast: Toast) {
    const resume = () => this.startTimer(toast);
    const pause = () => this.clearTimer(toast.id);
    return html`<li
      part="toast"
      class=${toast.kind}
      role=${toast.kind === 'error' ? 'alert' : 'status'}
      @mouseenter=${pause}
      @mouseleave=${resume}
      @focusin=${pause}
      @focusout=${resume}
    >
      <span aria-hidden="true">${ICONS[toast.kind]}</span>
      <span class="message">${breakable(toast.message)}</span>
      <button aria-label="Dismiss notification" @click=${() => this.dismiss(toast.id)}>×</button>
    </li>`;
  }

  override render() {
    return html`<section aria-label="Notifications" aria-live="polite">
      <ol>
        ${repeat(
          this.toasts,
          (t) => t.id,
          (t) => this.renderToast(t),
        )}
      </ol>
    </section>`;
  }
}

customElements.define('toast-stack', ToastStack);

declare global {
  interface HTMLElementTagNameMap {
    'toast-stack': ToastStack;
  }
}
