import { css } from 'lit';
import { dialogStyles } from './dialog.styles.js';
import { fieldStyles } from './field.styles.js';

export const tokenDialogStyles = [
  dialogStyles,
  fieldStyles,
  css`
    code {
      font-family: var(--pf-mono);
      font-size: 0.9em;
    }
    .actions {
      margin-top: 1.25rem;
    }
  `,
];
