import { css } from 'lit';
import { controlStyles } from './shared-styles.js';

export const actorLibraryStyles = [
  controlStyles,
  css`
    :host {
      display: block;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      justify-content: space-between;
      gap: 0.75rem;
      margin-bottom: 1rem;
    }
    label {
      display: grid;
      gap: 0.25rem;
      font-weight: 600;
      font-size: 0.9rem;
      flex: 1 1 16rem;
      max-width: 28rem;
    }
    input {
      font: inherit;
      min-height: 2.75rem;
      padding: 0 0.75rem;
      border-radius: 0.5rem;
      border: 1px solid var(--pf-border);
      background: var(--pf-surface);
      color: var(--pf-text);
    }
    .count {
      margin: 0;
      color: var(--pf-muted);
      font-size: 0.9rem;
    }
    ul {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: grid; /* the card fills its row's height, so buttons line up */
    }
    .message {
      padding: 2rem;
      text-align: center;
      color: var(--pf-muted);
    }
    .error {
      color: var(--pf-danger);
    }
  `,
];
