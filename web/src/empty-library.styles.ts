import { css } from 'lit';
import { controlStyles } from './shared-styles.js';

export const emptyLibraryStyles = [
  controlStyles,
  css`
    :host {
      display: block;
    }
    div {
      max-width: 38rem;
      margin: 2rem auto;
      padding: 2rem clamp(1rem, 4vw, 2.5rem);
      background: var(--pf-surface);
      border: 1px dashed var(--pf-border);
      border-radius: var(--pf-radius);
      text-align: center;
    }
    .art {
      font-size: 3rem;
    }
    h2 {
      margin: 0.25rem 0 0.75rem;
      font-size: 1.3rem;
    }
    p {
      margin: 0 0 0.75rem;
      color: var(--pf-muted);
    }
    code {
      font-family: var(--pf-mono);
      font-size: 0.9em;
      color: var(--pf-text);
    }
    pre {
      margin: 0;
      padding: 0.75rem 1rem;
      /* Wraps on a phone rather than widening the page. */
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      background: var(--pf-surface-2);
      border-radius: 0.5rem;
      text-align: left;
    }
    button {
      margin-top: 1.25rem;
    }
  `,
];
