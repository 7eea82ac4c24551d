import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { BatchSummary, Job } from '../../shared/api-types.js';
import './batch-bar.js';
import { acceptedBatch, upsertBatch } from './batch-list.js';
import { apiContext } from './context.js';
import { emit, type PosterframeEvent } from './emit.js';
import { FeedController } from './feed-controller.js';
import { groupByBatch, type JobGroup, matchesFilter, STATUS_FILTERS, type StatusFilter } from './job-board.js';
import { JobActions } from './job-actions.js';
import { isActive, mergeJobs, upsertJob } from './job-list.js';
import './job-row.js';
import './token-dialog.js';
import { jobPanelStyles } from './job-panel.styles.js';

/** The board shows this many rows; the page keeps a few more for the cards. */
const SHOWN_JOBS = 40;

const FILTER_LABELS: Record<StatusFilter, string> = { all: 'All', active: 'Active', failed: 'Failed', done: 'Done', cancelled: 'Cancelled' };

/**
 * The jobs board: recent and running jobs from every source, grouped by batch (each batch with its
 * progress bar, Cancel and "Retry failed"), filtered by status; each row with its result's thumbnail,
 * seed, style and duration, Cancel while it runs and Retry once it failed. Loads `GET /api/jobs`, then
 * follows `job` and `batch` events. On a narrow screen it is a button that
 * stays in the corner ("Jobs · 2 active") and opens the board over the page, so it is reachable without
 * scrolling past the grid.
 *
 * @fires pf-toast - when a cancel or retry fails, or a retry starts
 */
export class JobPanel extends LitElement {
  static override styles = jobPanelStyles;

  static override properties = {
    open: { type: Boolean, reflect: true },
    jobs: { state: true },
    batches: { state: true },
    filter: { state: true },
    fetched: { state: true },
  };

  /** On a narrow screen: whether the board covers the page. */
  declare open: boolean;
  declare private jobs: Job[];
  declare private batches: BatchSummary[];
  declare private filter: StatusFilter;
  /**
   * The daemon's newest jobs of the chosen final status (failed, done, cancelled), which the page may no
   * longer hold: it keeps only the newest 50 finished. Final statuses do not change, so they stay true.
   */
  declare private fetched: readonly Job[];
  private readonly api = new ContextConsumer(this, { context: apiContext });
  private readonly actions = new JobActions(this);
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: a Lit controller works by registering itself with its host
  private readonly live = new FeedController(this, {
    onEvent: (event) => {
      if (event.type === 'job') this.jobs = upsertJob(this.jobs, event.job);
      if (event.type === 'batch') this.batches = upsertBatch(this.batches, event.batch);
    },
    onResume: () => void this.load.run(),
  });
  private readonly load = new Task(this, {
    task: async (_args, { signal }) => {
      this.jobs = mergeJobs(this.jobs, (await this.api.value!.listJobs({}, signal)).jobs);
    },
    args: () => [],
  });

  constructor() {
    super();
    this.open = false;
    this.jobs = [];
    this.batches = [];
    this.filter = 'all';
    this.fetched = [];
  }

  private async setFilter(filter: StatusFilter): Promise<void> {
    this.filter = filter;
    this.fetched = [];
    if (filter === 'all' || filter === 'active') return;
    // A failed fetch leaves the held jobs of that status on show, which is what the board had before.
    const page = await this.api.value!.listJobs({ status: filter, limit: SHOWN_JOBS }).catch(() => undefined);
    if (page && this.filter === filter) this.fetched = page.jobs;
  }

  private setOpen(open: boolean): void {
    this.open = open;
    if (open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.close')?.focus());
    else this.renderRoot.querySelector<HTMLElement>('.fab')?.focus();
  }

  private async cancelJob(event: PosterframeEvent<'pf-job-cancel'>): Promise<void> {
    const answer = await this.actions.run('cancel the job', (api) => api.cancelJob(event.detail.job.id));
    if (answer) this.jobs = upsertJob(this.jobs, answer.job);
  }

  private async retryJob(event: PosterframeEvent<'pf-job-retry'>): Promise<void> {
    const { job } = event.detail;
    const accepted = await this.actions.run(`retry ${job.actor_name}`, (api) => api.retryJob(job));
    if (accepted) emit(this, 'pf-toast', { kind: 'info', message: `Regenerating poster frame for ${job.actor_name}...` });
  }

  private async batchCall(event: PosterframeEvent<'pf-batch-cancel' | 'pf-batch-retry'>): Promise<void> {
    const { batchId } = event.detail;
    if (event.type === 'pf-batch-cancel') await this.actions.run('cancel the batch', (api) => api.cancelBatch(batchId));
    else await this.actions.run('retry the failed jobs', (api) => api.retryBatch(batchId));
  }

  private renderGroup(group: JobGroup) {
    const rows = html`${repeat(
      group.jobs,
      (job) => job.id,
      (job) => html`<li data-job-id=${job.id} data-status=${job.status}><job-row .job=${job}></job-row></li>`,
    )}`;
    if (!group.batchId) return rows;
    const own = this.jobs.filter((job) => job.batch_id === group.batchId);
    const oldest = own.at(-1)?.created_at ?? new Date().toISOString();
    const batch =
      this.batches.find((b) => b.id === group.batchId) ?? acceptedBatch({ batch_id: group.batchId, status_url: '', total: own.length }, new Date(oldest));
    return html`<li class="group" data-batch-id=${group.batchId}>
      <batch-bar .batch=${batch} .jobs=${this.jobs}></batch-bar>
      <ol>${rows}</ol>
    </li>`;
  }

  private renderFilters() {
    return html`<div class="filters" role="group" aria-label="Show jobs">
      ${STATUS_FILTERS.map((filter) => {
        const count = filter === 'all' ? this.jobs.length : this.jobs.filter((job) => matchesFilter(job, filter)).length;
        return html`<button aria-pressed=${this.filter === filter ? 'true' : 'false'} @click=${() => this.setFilter(filter)}>
          ${FILTER_LABELS[filter]} <span class="n">${count}</span>
        </button>`;
      })}
    </div>`;
  }

  private renderBoard() {
    const held = this.jobs.filter((job) => matchesFilter(job, this.filter));
    const shown = mergeJobs(held, this.fetched).slice(0, SHOWN_JOBS);
    if (shown.length) return html`<ol class="board">${groupByBatch(shown).map((group) => this.renderGroup(group))}</ol>`;
    if (this.load.status !== TaskStatus.COMPLETE) return nothing;
    return html`<p class="muted">${this.filter === 'all' ? 'No jobs yet. Regenerate a poster and it shows up here.' : `No ${FILTER_LABELS[this.filter].toLowerCase()} jobs.`}</p>`;
  }

  override render() {
    const active = this.jobs.filter(isActive).length;
    return html`<button class="fab primary" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="board" @click=${() => this.setOpen(true)}>
        Jobs${active ? ` · ${active} active` : ''}
      </button>
      <section
        id="board"
        aria-labelledby="jobs-heading"
        @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.open && this.setOpen(false)}
        @pf-job-cancel=${this.cancelJob}
        @pf-job-retry=${this.retryJob}
        @pf-batch-cancel=${this.batchCall}
        @pf-batch-retry=${this.batchCall}
      >
        <div class="head">
          <h2 id="jobs-heading">Jobs</h2>
          <button class="close" aria-label="Close jobs" @click=${() => this.setOpen(false)}>×</button>
        </div>
        ${this.renderFilters()}
        ${this.load.render({
          pending: () => (this.jobs.length ? nothing : html`<p class="muted">Loading jobs…</p>`),
          error: (error) => html`<p class="error" role="alert">Could not load jobs: ${(error as Error).message}</p>`,
        })}
        ${this.renderBoard()}
      </section>
      <token-dialog></token-dialog>`;
  }
}

customElements.define('job-panel', JobPanel);

declare global {
  interface HTMLElementTagNameMap {
    'job-panel': JobPanel;
  }
}
