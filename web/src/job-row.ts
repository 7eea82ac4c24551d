import { LitElement, css, html, nothing } from 'lit';
import type { Job } from '../../shared/api-types.js';
import { overallPercent, progressText } from '../../shared/job-progress.js';
import { breakable } from './breakable-name.js';
import { emit } from './emit.js';
import { jobFacts } from './job-board.js';
import { isActive } from './job-list.js';
import { controlStyles } from './shared-styles.js';

const STATUS_LABELS: Record<Job['status'], string> = { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' };
const SOURCE_LABELS: Record<Job['source'], string> = { api: 'web/API', folder: 'request file', cli: 'CLI', batch: 'batch' };

/**
 * One row of the jobs board: the result's thumbnail, the actor's name (wrapping at underscores), the
 * status, live progress (bar and text show the same percent), the error, seed · style · duration, and
 * where it came from; Cancel on a queued or running job, Retry on a failed or cancelled one.
 *
 * @fires pf-job-cancel - Cancel was pressed
 * @fires pf-job-retry - Retry was pressed
 */
export class JobRow extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: 3rem minmax(0, 1fr);
        gap: 0.6rem;
        padding: 0.6rem 0.75rem;
        border: 1px solid var(--pf-border);
        border-radius: 0.5rem;
        background: var(--pf-surface);
        font-size: 0.85rem;
      }
      .thumb {
        width: 3rem;
        height: 3rem;
        border-radius: 0.35rem;
        object-fit: cover;
        background: var(--pf-surface-2);
      }
      .main {
        display: grid;
        gap: 0.2rem;
        min-width: 0;
      }
      .row {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 0.5rem;
      }
      .name {
        font-weight: 600;
        overflow-wrap: break-word;
        min-width: 0;
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
      :host([data-status='done']) .status {
        background: var(--pf-success-soft);
        color: var(--pf-success);
      }
      :host([data-status='failed']) .status {
        background: var(--pf-danger-soft);
        color: var(--pf-danger);
      }
      .muted {
        color: var(--pf-muted);
      }
      .error {
        color: var(--pf-danger);
        overflow-wrap: break-word;
      }
      progress {
        width: 100%;
        height: 0.3rem;
        accent-color: var(--pf-accent);
      }
      button {
        justify-self: start;
        min-height: 2.25rem;
        padding: 0.2rem 0.75rem;
        font-size: 0.8rem;
      }
    `,
  ];

  static override properties = {
    job: { attribute: false },
    failedThumb: { state: true },
  };

  declare job: Job;
  /** A thumbnail URL that failed to load (the poster was replaced or its files are gone): shown as blank. */
  declare private failedThumb: string | undefined;

  protected override willUpdate(): void {
    // The row's status is styled (and found by tests) from outside the shadow root.
    this.dataset.status = this.job.status;
    this.dataset.jobId = this.job.id;
  }

  private renderAction() {
    const { job } = this;
    if (isActive(job)) return html`<button @click=${() => emit(this, 'pf-job-cancel', { job })}>Cancel</button>`;
    if (job.status === 'failed' || job.status === 'cancelled') return html`<button @click=${() => emit(this, 'pf-job-retry', { job })}>↻ Retry</button>`;
    return nothing;
  }

  override render() {
    const { job } = this;
    const thumb = job.result?.poster_frames.standard.webp_sm;
    const showThumb = thumb && thumb !== this.failedThumb;
    const time = job.finished_at ?? job.created_at;
    const facts = jobFacts(job);
    return html`${
      showThumb
        ? html`<img class="thumb" src=${thumb} alt="New poster of ${job.actor_name}" loading="lazy" width="48" height="48" @error=${() => (this.failedThumb = thumb)} />`
        : html`<span class="thumb" aria-hidden="true"></span>`
    }
      <div class="main">
        <div class="row">
          <span class="name">${breakable(job.actor_name)}</span>
          <span class="status">${STATUS_LABELS[job.status]}</span>
        </div>
        ${
          isActive(job)
            ? html`<progress max="100" .value=${overallPercent(job)} aria-label="Progress of ${job.actor_name}"></progress>
              <span>${progressText(job)}</span>`
            : nothing
        }
        ${job.error && job.status === 'failed' ? html`<span class="error">${job.error.message}</span>` : nothing}
        ${facts.length ? html`<span class="facts">${facts.join(' · ')}</span>` : nothing}
        <span class="muted">
          via ${SOURCE_LABELS[job.source]}${job.mode === 'preview' ? ' · preview' : ''} ·
          <time datetime=${time}>${new Date(time).toLocaleTimeString()}</time>
        </span>
        ${this.renderAction()}
      </div>`;
  }
}

customElements.define('job-row', JobRow);

declare global {
  interface HTMLElementTagNameMap {
    'job-row': JobRow;
  }
}
