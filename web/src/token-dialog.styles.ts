import { css } from 'lit';
import { dialogStyles } from './dialog.styles.js';

export const tokenDialogStyles = [
  dialogStyles,
  css`
    code {
      font-family: var(--pf-mono);
      font-size: 0.9em;
    }
    label {
      display: block;
      margin-bottom: 0.35rem;
      font-weight: 600;
    }
    input {
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
    input[aria-invalid='true'] {
      border-color: var(--pf-danger);
    }
    .refused {
      margin: 0.5rem 0 0;
      padding: 0.5rem 0.75rem;
      border-radius: 0.5rem;
      background: var(--pf-danger-soft);
      color: var(--pf-text);
      overflow-wrap: anywhere;
    }
    .actions {
      margin-top: 1.25rem;
    }
  `,
];
