import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import './actor-library.js';
import type { ApiClient } from './api-client.js';
import './connection-indicator.js';
import { apiContext, feedContext } from './context.js';
import type { PosterframeEvent } from './emit.js';
import './job-panel.js';
import type { LiveFeed } from './live-feed.js';
import './toast-stack.js';

/**
 * The page shell: header with the live-feed badge, the Actor Library, the jobs panel and the toasts.
 * It provides the API client and the live feed to every element below it through context, and shows
 * the toasts they ask for.
 *
 * @listens pf-toast - from any element inside
 */
export class PosterframeApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 160rem;
      margin: 0 auto;
      padding: 1rem clamp(1rem, 3vw, 2.5rem) 3rem;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
      margin-bottom: 1.25rem;
    }
    h1 {
      margin: 0;
      font-size: clamp(1.4rem, 2.5vw, 2rem);
      line-height: 1.2;
    }
    h1 small {
      display: block;
      font-size: 0.5em;
      font-weight: 500;
      color: var(--pf-muted);
    }
    .layout {
      display: grid;
      gap: 1.5rem;
      align-items: start;
    }
    @media (min-width: 64rem) {
      .layout {
        grid-template-columns: minmax(0, 1fr) 20rem;
      }
      job-panel {
        position: sticky;
        top: 1rem;
      }
    }
  `;

  static override properties = {
    api: { attribute: false },
    feed: { attribute: false },
  };

  declare api: ApiClient;
  declare feed: LiveFeed;
  private readonly apiProvider = new ContextProvider(this, { context: apiContext });
  private readonly feedProvider = new ContextProvider(this, { context: feedContext });

  constructor() {
    super();
    this.addEventListener('pf-toast', (event: PosterframeEvent<'pf-toast'>) => {
      this.renderRoot.querySelector('toast-stack')?.show(event.detail);
    });
  }

  // Before the first render, so the children find both services when they connect.
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('api')) this.apiProvider.setValue(this.api);
    if (changed.has('feed')) this.feedProvider.setValue(this.feed);
  }

  override render() {
    return html`<header>
        <h1>Actor Library <small>Posterframe · poster frame regeneration</small></h1>
        <connection-indicator></connection-indicator>
      </header>
      <div class="layout">
        <main><actor-library></actor-library></main>
        <job-panel></job-panel>
      </div>
      <toast-stack></toast-stack>`;
  }
}

customElements.define('posterframe-app', PosterframeApp);

declare global {
  interface HTMLElementTagNameMap {
    'posterframe-app': PosterframeApp;
  }
}
