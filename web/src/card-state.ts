import type { Job, JobStage } from '../../shared/api-types.js';
import { overallPercent, progressText, STAGE_LABELS } from '../../shared/job-progress.js';

/** What an actor card shows about regeneration: idle, or busy with a stage and progress. */
export interface CardState {
  busy: boolean;
  stage?: JobStage;
  /** The stage in a word for the poster's overlay, e.g. "Generating"; empty when idle. */
  label: string;
  /** 0–100 over the whole job: the progress bar's value and the percent in `text`. */
  percent: number;
  /** e.g. "Generating · 43% · step 15/30"; empty when idle. */
  text: string;
  /** Set when idle after the actor's newest job failed: why, for the card to show beside Retry. */
  failure?: string;
}

export const IDLE: CardState = { busy: false, label: '', percent: 0, text: '' };

/**
 * Reduces what the page knows about an actor to its card state.
 *
 * @param job - the actor's queued or running job, if any
 * @param starting - true between the user's confirmation and the job's first appearance
 * @param failed - the actor's newest job when it failed
 */
export function cardState(job: Job | undefined, starting: boolean, failed?: Job): CardState {
  if (job) return { busy: true, stage: job.stage, label: STAGE_LABELS[job.stage], percent: overallPercent(job), text: progressText(job) };
  if (starting) return { busy: true, stage: 'queued', label: 'Starting', percent: 0, text: 'Starting…' };
  if (failed) return { ...IDLE, failure: failed.error?.message ?? 'The job failed without a reason.' };
  return IDLE;
}
