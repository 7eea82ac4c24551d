import { css } from 'lit';
import { controlStyles } from './shared-styles.js';

export const toastStackStyles = [
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
    /* Above the jobs board's button, which narrow screens keep in the bottom corner. */
    @media (max-width: 63.99rem) {
      :host {
        bottom: 4.75rem;
      }
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
      min-width: 0;
      overflow-wrap: break-word;
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
        --pf-enter-rise: 0.75rem;
        animation: pf-enter 200ms ease-out;
      }
    }
  `,
];
