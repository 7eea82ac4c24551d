import { css } from 'lit';
import { controlStyles } from './shared-styles.js';

export const jobPanelStyles = [
  controlStyles,
  css`
    :host {
      display: block;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      margin-bottom: 0.5rem;
    }
    h2 {
      margin: 0;
      font-size: 1.1rem;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      margin-bottom: 0.75rem;
    }
    .filters button {
      min-height: 2.25rem;
      padding: 0.2rem 0.6rem;
      border-radius: 999px;
      font-size: 0.8rem;
    }
    .filters button[aria-pressed='true'] {
      background: var(--pf-accent);
      border-color: var(--pf-accent);
      color: var(--pf-accent-text);
    }
    .n {
      font-weight: 500;
      opacity: 0.8;
    }
    ol {
      display: grid;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .group {
      display: grid;
      gap: 0.5rem;
      padding: 0.6rem;
      border: 1px solid var(--pf-border);
      border-radius: var(--pf-radius);
      background: var(--pf-surface-2);
    }
    .muted {
      color: var(--pf-muted);
    }
    .error {
      color: var(--pf-danger);
      overflow-wrap: break-word;
    }
    /* Wide screens: a column beside the grid that scrolls on its own. */
    @media (min-width: 64rem) {
      .fab,
      .close {
        display: none;
      }
      section {
        max-height: calc(100vh - 2rem);
        overflow-y: auto;
        padding-right: 0.25rem;
      }
    }
    /* Narrow screens: a button in the corner that opens the board over the page. */
    @media (max-width: 63.99rem) {
      .fab {
        position: fixed;
        z-index: 9;
        left: 1rem;
        bottom: 1rem;
        box-shadow: var(--pf-shadow-lg);
        border-radius: 999px;
      }
      section {
        display: none;
      }
      :host([open]) section {
        display: block;
        position: fixed;
        z-index: 20;
        inset: 0;
        overflow-y: auto;
        padding: 1rem;
        background: var(--pf-bg);
      }
      :host([open]) .fab {
        display: none;
      }
      .close {
        min-width: 2.75rem;
        font-size: 1.4rem;
        line-height: 1;
      }
    }
  `,
];
