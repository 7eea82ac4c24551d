import { LitElement, css, html, nothing } from 'lit';
import type { BatchStatus, BatchSummary, BatchTotals, Job } from '../../shared/api-types.js';
import { batchProgress } from './batch-progress.js';
import { emit } from './emit.js';
import { controlStyles } from './shared-styles.js';

const STATUS_LABELS: Record<BatchStatus, string> = { running: 'Running', done: 'Done', failed: 'Finished with failures', cancelled: 'Cancelled' };

/**
 * One batch's progress: a bar and, beside it, the same percent with the totals ("43% · 12 of 30 done ·
 * 1 failed · 17 to go"); Cancel while it runs, "Retry 3 failed" once it has settled with failed or
 * cancelled jobs.
 *
 * @fires pf-batch-cancel - Cancel was pressed
 * @fires pf-batch-retry - "Retry failed" was pressed
 * @fires pf-batch-dismiss - the settled bar's close button was pressed (only when `dismissible`)
 * @csspart bar - the `<progress>` element
 */
export class BatchBar extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      section {
        display: grid;
        grid-template-columns: 1fr auto;
        align-items: center;
        gap: 0.35rem 0.75rem;
      }
      .title {
        margin: 0;
        font-weight: 700;
        font-size: 0.95rem;
      }
      .title small {
        font-weight: 600;
        color: var(--pf-muted);
      }
      progress {
        grid-column: 1 / -1;
        width: 100%;
        height: 0.6rem;
        accent-color: var(--pf-accent);
      }
      .text {
        grid-column: 1 / -1;
        margin: 0;
        font-size: 0.85rem;
        font-variant-numeric: tabular-nums;
      }
      .actions {
        display: flex;
        gap: 0.4rem;
        justify-self: end;
      }
      button {
        min-height: 2.5rem;
        padding: 0.3rem 0.8rem;
        font-size: 0.85rem;
      }
    `,
  ];

  static override properties = {
    batch: { attribute: false },
    jobs: { attribute: false },
    dismissible: { type: Boolean },
  };

  declare batch: BatchSummary;
  /** The jobs the page holds (of any batch): the bar counts this batch's own when it holds all of them. */
  declare jobs: readonly Job[];
  declare dismissible: boolean;

  constructor() {
    super();
    this.jobs = [];
    this.dismissible = false;
  }

  private renderActions(settled: boolean, { failed, cancelled }: BatchTotals) {
    const batchId = this.batch.id;
    if (!settled) return html`<button @click=${() => emit(this, 'pf-batch-cancel', { batchId })}>Cancel batch</button>`;
    const what = failed && cancelled ? 'failed or cancelled' : failed ? 'failed' : 'cancelled';
    return html`${failed + cancelled ? html`<button @click=${() => emit(this, 'pf-batch-retry', { batchId })}>Retry ${(failed + cancelled).toLocaleString()} ${what}</button>` : nothing}
    ${this.dismissible ? html`<button aria-label="Hide batch progress" @click=${() => emit(this, 'pf-batch-dismiss', { batchId })}>×</button>` : nothing}`;
  }

  override render() {
    const { batch } = this;
    const { percent, totals, text, settled, status } = batchProgress(batch, this.jobs);
    return html`<section aria-label="Batch progress" data-batch-id=${batch.id} data-status=${status}>
      <p class="title">Batch of ${totals.total.toLocaleString()} <small>· ${STATUS_LABELS[status]}</small></p>
      <div class="actions">${this.renderActions(settled, totals)}</div>
      <progress part="bar" max="100" .value=${percent} aria-label="Batch progress" aria-valuetext=${text}></progress>
      <p class="text" role="status">${text}</p>
    </section>`;
  }
}

customElements.define('batch-bar', BatchBar);

declare global {
  interface HTMLElementTagNameMap {
    'batch-bar': BatchBar;
  }
}
