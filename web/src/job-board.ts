import type { Job, JobStatus } from '../../shared/api-types.js';
import { STYLE_PRESETS } from '../../shared/styles.js';

/** The jobs board's status filter: every job, the queued and running ones, or one final status. */
export type StatusFilter = 'all' | 'active' | Exclude<JobStatus, 'queued' | 'running'>;
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'active', 'failed', 'done', 'cancelled'];

export function matchesFilter(job: Pick<Job, 'status'>, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'active') return job.status === 'queued' || job.status === 'running';
  return job.status === filter;
}

/** A batch's jobs together (`batchId` set), or a job started on its own. */
export interface JobGroup {
  batchId?: string;
  jobs: Job[];
}

/**
 * Groups a most-recent-first job list by batch: each batch's jobs are gathered where its newest job
 * stands; a job outside any batch is a group of its own. Order within a group is kept.
 */
export function groupByBatch(jobs: readonly Job[]): JobGroup[] {
  const groups: JobGroup[] = [];
  const byBatch = new Map<string, JobGroup>();
  for (const job of jobs) {
    if (!job.batch_id) {
      groups.push({ jobs: [job] });
      continue;
    }
    let group = byBatch.get(job.batch_id);
    if (!group) {
      group = { batchId: job.batch_id, jobs: [] };
      byBatch.set(job.batch_id, group);
      groups.push(group);
    }
    group.jobs.push(job);
  }
  return groups;
}

/** "0.8 s", "42 s", "3 min 5 s" */
export function durationText(ms: number): string {
  if (ms < 10_000) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * The facts a board row shows besides status and progress: seed, style (its preset's label) and, once it has ended, how
 * long the job took from its start (or its creation, for one that never started). Absent facts are left out.
 *
 * @example jobFacts(job) // ['seed 1234', 'Film noir', '42 s']
 */
export function jobFacts(job: Job): string[] {
  const facts: string[] = [];
  const params = job.params ?? job.request.params;
  if (params?.seed !== undefined) facts.push(`seed ${params.seed}`);
  if (params?.style) facts.push(STYLE_PRESETS.find((preset) => preset.id === params.style)?.label ?? params.style);
  if (job.finished_at) facts.push(durationText(Date.parse(job.finished_at) - Date.parse(job.started_at ?? job.created_at)));
  return facts;
}
