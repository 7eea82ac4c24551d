import { css } from 'lit';

export const jobPanelStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.1rem;
  }
  ol {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: grid;
    gap: 0.2rem;
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--pf-border);
    border-radius: 0.5rem;
    background: var(--pf-surface);
    font-size: 0.85rem;
  }
  .row {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5rem;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .status {
    flex: none;
    padding: 0 0.5rem;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 700;
    background: var(--pf-accent-soft);
    color: var(--pf-text);
  }
  .done .status {
    background: var(--pf-success-soft);
    color: var(--pf-success);
  }
  .failed .status {
    background: var(--pf-danger-soft);
    color: var(--pf-danger);
  }
  .muted {
    color: var(--pf-muted);
  }
  .error {
    color: var(--pf-danger);
    overflow-wrap: anywhere;
  }
  progress {
    width: 100%;
    height: 0.3rem;
    accent-color: var(--pf-accent);
  }
`;
