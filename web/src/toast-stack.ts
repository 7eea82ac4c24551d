import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ToastRequest } from './emit.js';
import { controlStyles } from './shared-styles.js';

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
 * through a live region; errors use `role="alert"`.
 *
 * @csspart toast - each notification
 */
export class ToastStack extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        position: fixed;
        z-index: 10;
        right: 1rem;
        bottom: 1rem;
        width: min(24rem, calc(100vw - 2rem));
        pointer-events: none; /* the page under the empty area stays clickable */
      }
      ol {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        pointer-events: auto;
        display: flex;
        align-items: flex-start;
        gap: 0.5rem;
        padding: 0.75rem 0.5rem 0.75rem 1rem;
        border-radius: var(--pf-radius);
        border: 1px solid var(--pf-border);
        border-left: 0.35rem solid var(--pf-accent);
        background: var(--pf-surface);
        color: var(--pf-text);
        box-shadow: var(--pf-shadow-lg);
      }
      li.success {
        border-left-color: var(--pf-success);
      }
      li.error {
        border-left-color: var(--pf-danger);
        background: var(--pf-danger-soft);
      }
      .message {
        flex: 1;
        overflow-wrap: anywhere;
        padding-top: 0.1rem;
      }
      button {
        min-height: 2rem;
        min-width: 2rem;
        padding: 0 0.5rem;
        border: none;
        background: transparent;
        font-size: 1.2rem;
        line-height: 1;
      }
      @media (prefers-reduced-motion: no-preference) {
        li {
          animation: slide-in 200ms ease-out;
        }
        @keyframes slide-in {
          from {
            opacity: 0;
            transform: translateY(0.75rem);
          }
        }
      }
    `,
  ];

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
    this.timers.set(toast.id, setTimeout(() => this.dismiss(toast.id), LIFETIME_MS[toast.kind]));
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
      <span class="message">${toast.message}</span>
      <button aria-label="Dismiss notification" @click=${() => this.dismiss(toast.id)}>×</button>
    </li>`;
  }

  override render() {
    return html`<section aria-label="Notifications" aria-live="polite">
      <ol>
        ${repeat(this.toasts, (t) => t.id, (t) => this.renderToast(t))}
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
