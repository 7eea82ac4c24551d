import { LitElement, css, html } from 'lit';
import { FeedController } from './feed-controller.js';
import type { FeedState } from './live-feed.js';

const LABELS: Record<FeedState, string> = {
  connecting: 'Connecting…',
  open: 'Live',
  down: 'Offline · reconnecting…',
};

/**
 * A small badge for the live feed: "Live" while events flow, and a clear warning while the page is
 * not receiving updates. State changes are announced politely.
 */
export class ConnectionIndicator extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
    }
    span.badge {
      display: inline-flex;
      align-items: center;
      gap: 0.45rem;
      padding: 0.25rem 0.75rem;
      border-radius: 999px;
      border: 1px solid var(--pf-border);
      background: var(--pf-surface);
      font-size: 0.85rem;
      font-weight: 600;
      white-space: nowrap;
    }
    .dot {
      width: 0.6rem;
      height: 0.6rem;
      border-radius: 50%;
      background: var(--pf-muted);
    }
    .open .dot {
      background: var(--pf-success);
    }
    .down {
      border-color: var(--pf-danger);
      background: var(--pf-danger-soft);
    }
    .down .dot {
      background: var(--pf-danger);
    }
    @media (prefers-reduced-motion: no-preference) {
      .open .dot {
        animation: pulse 2s ease-in-out infinite;
      }
      @keyframes pulse {
        50% {
          opacity: 0.45;
        }
      }
    }
  `;

  static override properties = {
    state: { state: true },
  };

  declare private state: FeedState;
  private readonly live = new FeedController(this, { onState: (state) => (this.state = state) });

  constructor() {
    super();
    this.state = 'connecting';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.state = this.live.state;
  }

  override render() {
    return html`<span class="badge ${this.state}" role="status" data-state=${this.state}>
      <span class="dot" aria-hidden="true"></span>${LABELS[this.state]}
    </span>`;
  }
}

customElements.define('connection-indicator', ConnectionIndicator);

declare global {
  interface HTMLElementTagNameMap {
    'connection-indicator': ConnectionIndicator;
  }
}
