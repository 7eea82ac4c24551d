import type { Job, JobStage } from '../../shared/api-types.js';
import { overallPercent, progressText } from './job-progress.js';

/** What an actor card shows about regeneration: idle, or busy with a stage and progress. */
export interface CardState {
  busy: boolean;
  stage?: JobStage;
  /** 0–100 over the whole job. */
  percent: number;
  /** e.g. "Generating · 40%"; empty when idle. */
  text: string;
}

export const IDLE: CardState = { busy: false, percent: 0, text: '' };

/**
 * Reduces what the page knows about an actor to its card state.
 *
 * @param job - the actor's queued or running job, if any
 * @param starting - true between the user's confirmation and the job's first appearance
 */
export function cardState(job: Job | undefined, starting: boolean): CardState {
  if (job) return { busy: true, stage: job.stage, percent: overallPercent(job), text: progressText(job) };
  if (starting) return { busy: true, stage: 'queued', percent: 0, text: 'Starting…' };
  return IDLE;
}
