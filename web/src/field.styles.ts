import { css } from 'lit';

/** Labelled text fields and selects in a dialog, with the invalid state and its message. */
export const fieldStyles = css`
  label {
    display: block;
    margin-bottom: 0.35rem;
    font-weight: 600;
  }
  input,
  select {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--pf-border);
    border-radius: 0.5rem;
    background: var(--pf-bg);
    color: var(--pf-text);
    font: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--pf-danger);
  }
  .field-error {
    margin: 0.5rem 0 0;
    padding: 0.5rem 0.75rem;
    border-radius: 0.5rem;
    background: var(--pf-danger-soft);
    color: var(--pf-text);
    overflow-wrap: anywhere;
  }
`;
