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
    }
    .search {
      flex: 1 1 16rem;
      max-width: 28rem;
    }
    input,
    select {
      font: inherit;
      min-height: 2.75rem;
      padding: 0 0.75rem;
      border-radius: 0.5rem;
      border: 1px solid var(--pf-border);
      background: var(--pf-surface);
      color: var(--pf-text);
    }
    .count {
      margin: 0 0 0 auto;
      color: var(--pf-muted);
      font-size: 0.9rem;
    }
    .batch {
      display: grid;
      gap: 0.75rem;
      margin-bottom: 1rem;
    }
    .batch batch-bar {
      padding: 0.75rem 1rem;
      border: 1px solid var(--pf-border);
      border-radius: var(--pf-radius);
      background: var(--pf-surface);
      box-shadow: var(--pf-shadow);
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
