import { css } from 'lit';

/**
 * Buttons and focus rings shared by the elements, so every control looks and focuses alike; and
 * `pf-enter`, the one entry animation: a fade from `--pf-enter-opacity` (default 0) and a rise by
 * `--pf-enter-rise` (default none). Elements use it only under `prefers-reduced-motion: no-preference`.
 */
export const controlStyles = css`
  button {
    font: inherit;
    font-weight: 600;
    min-height: 2.75rem; /* a 44 px touch target */
    padding: 0.5rem 1rem;
    border-radius: 0.5rem;
    border: 1px solid var(--pf-border);
    background: var(--pf-surface);
    color: var(--pf-text);
    cursor: pointer;
  }
  button.primary {
    background: var(--pf-accent);
    border-color: var(--pf-accent);
    color: var(--pf-accent-text);
  }
  button:hover:not([aria-disabled='true']) {
    filter: brightness(1.08);
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  :focus-visible {
    outline: 3px solid var(--pf-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @keyframes pf-enter {
    from {
      opacity: var(--pf-enter-opacity, 0);
      transform: translateY(var(--pf-enter-rise, 0));
    }
  }
`;
