import { css } from 'lit';
import { controlStyles } from './shared-styles.js';

/** The look every modal `<dialog>` shares: a card over a dimmed page, with a heading, text and actions. */
export const dialogStyles = [
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
        --pf-enter-rise: 0.5rem;
        animation: pf-enter 150ms ease-out;
      }
    }
  `,
];
