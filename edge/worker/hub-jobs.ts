import type { Job, JobsPage } from '../../shared/api-types.js';
import { byNewest, isTerminal } from '../../daemon/jobs/job-service.js';
import { type JobsQuery, pageJobs } from '../../daemon/jobs/jobs-query.js';

/** Jobs the hub keeps for `GET /api/jobs` (the daemon keeps 200 finished ones too). */
const CAPACITY = 200;

/**
 * The hub's view of the daemon's jobs, built from the job list the daemon sends on connect and every
 * job event after. A record never goes back in time: an older copy (the connect-time list racing a live
 * event) is ignored.
 */
export class HubJobs {
  private readonly jobs = new Map<string, Job>();

  put(job: Job): void {
    const known = this.jobs.get(job.id);
    if (known && known.updated_at > job.updated_at) return;
    this.jobs.set(job.id, job);
    if (this.jobs.size > CAPACITY) this.forgetOldestFinished();
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** One page, most recent first, with the daemon's filters and cursors. */
  list(query: JobsQuery = {}): JobsPage {
    return pageJobs(this.jobs.values(), query);
  }

  private forgetOldestFinished(): void {
    const oldest = [...this.jobs.values()].filter(isTerminal).sort(byNewest).at(-1);
    if (oldest) this.jobs.delete(oldest.id);
  }
}
