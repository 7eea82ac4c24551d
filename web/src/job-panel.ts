import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Job } from '../../shared/api-types.js';
import { apiContext } from './context.js';
import { FeedController } from './feed-controller.js';
import { isActive, mergeJobs, upsertJob } from './job-list.js';
import { overallPercent, progressText } from '../../shared/job-progress.js';
import { jobPanelStyles } from './job-panel.styles.js';

/** The panel lists this many; the page keeps a few more for the cards. */
const SHOWN_JOBS = 12;

const STATUS_LABELS: Record<Job['status'], string> = { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' };
const SOURCE_LABELS: Record<Job['source'], string> = { api: 'web/API', folder: 'request file', cli: 'CLI', batch: 'batch' };

/**
 * Recent and running regeneration jobs from every source, with their state, live progress and
 * errors. Loads `GET /api/jobs`, then follows `job` events on the live feed.
 */
export class JobPanel extends LitElement {
  static override styles = jobPanelStyles;

  static override properties = {
    jobs: { state: true },
  };

  declare private jobs: Job[];
  private readonly api = new ContextConsumer(this, { context: apiContext });
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: a Lit controller works by registering itself with its host
  private readonly live = new FeedController(this, {
    onEvent: (event) => {
      if (event.type === 'job') this.jobs = upsertJob(this.jobs, event.job);
    },
    onResume: () => void this.load.run(),
  });
  private readonly load = new Task(this, {
    task: async (_args, { signal }) => {
      this.jobs = mergeJobs(this.jobs, await this.api.value!.listJobs(signal));
    },
    args: () => [],
  });

  constructor() {
    super();
    this.jobs = [];
  }

  private renderJob(job: Job) {
    const time = job.finished_at ?? job.created_at;
    return html`<li class=${job.status} data-job-id=${job.id} data-status=${job.status}>
      <div class="row">
        <span class="name">${job.actor_name}</span>
        <span class="status">${STATUS_LABELS[job.status]}</span>
      </div>
      ${
        isActive(job)
          ? html`<progress max="100" value=${overallPercent(job)} aria-label="Progress of ${job.actor_name}"></progress>
            <span>${progressText(job)}</span>`
          : nothing
      }
      ${job.error ? html`<span class="error">${job.error.message}</span>` : nothing}
      <span class="muted">
        via ${SOURCE_LABELS[job.source]}${job.mode === 'preview' ? ' · preview' : ''} ·
        <time datetime=${time}>${new Date(time).toLocaleTimeString()}</time>
      </span>
    </li>`;
  }

  override render() {
    const shown = this.jobs.slice(0, SHOWN_JOBS);
    return html`<section aria-labelledby="jobs-heading">
      <h2 id="jobs-heading">Jobs</h2>
      ${this.load.render({
        pending: () => (shown.length ? nothing : html`<p class="muted">Loading jobs…</p>`),
        error: (error) => html`<p class="error" role="alert">Could not load jobs: ${(error as Error).message}</p>`,
      })}
      ${
        shown.length
          ? html`<ol>
            ${repeat(
              shown,
              (job) => job.id,
              (job) => this.renderJob(job),
            )}
          </ol>`
          : this.load.status === TaskStatus.COMPLETE
            ? html`<p class="muted">No jobs yet. Regenerate a poster and it shows up here.</p>`
            : nothing
      }
    </section>`;
  }
}

customElements.define('job-panel', JobPanel);

declare global {
  interface HTMLElementTagNameMap {
    'job-panel': JobPanel;
  }
}
