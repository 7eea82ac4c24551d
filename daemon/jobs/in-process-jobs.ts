import type { Logger } from 'pino';
import type { Job, JobOwner, JobStage, RegenerateResponse } from '../../shared/api-types.js';
import { isPipelineError, messageOf, PipelineError } from '../errors.js';
import { versionOf } from '../pipeline/4-upload/keys.js';
import type { EventBus } from '../events/event-bus.js';
import { currentProcess, isProcessAlive } from '../fs/process-identity.js';
import { isErrno } from '../fs/atomic-write.js';
import { redactSecrets } from '../redact-secrets.js';
import type { ReportProgress } from '../pipeline/run-pipeline.js';
import { encodeJobsCursor, pageJobs } from './jobs-query.js';
import { createJob, jobKey, requireValidRequest } from './create-job.js';
import { requireJoinable } from './join-conflict.js';
import type { JobRetention, JobStore } from './job-store.js';
import { isTerminal, type JobService } from './job-service.js';
import { newId } from './new-id.js';
import { createPendingWrites } from './pending-writes.js';
import { createWaiters } from './waiters.js';

export type RunJob = (job: Job, signal: AbortSignal, report: ReportProgress) => Promise<RegenerateResponse>;

export interface InProcessJobsOptions {
  store: JobStore;
  events: EventBus;
  logger: Logger;
  run: RunJob;
  /** How long finished job records are kept. Default: 30 days and 50,000 jobs. */
  retention?: JobRetention;
  /** Least time between two prunes of finished records, in ms (each scans the finished jobs). Default 60 s. */
  pruneIntervalMs?: number;
  /** Recorded in every job this service runs. Default: this process. */
  owner?: JobOwner;
  /** Whether another job owner is still running. Default: its process is alive (pid, start time, boot id). */
  isOwnerAlive?: (owner: JobOwner) => boolean;
  /**
   * Drops a job's checkpoints once its terminal state is on disk — not before: a crash in between
   * must find the staged version, to see it is already published instead of generating again.
   */
  clearCheckpoints?: (jobId: string) => Promise<void>;
  /** The generator's name, recorded in each new job as `backend`. */
  backend?: string;
}

export interface InProcessJobService extends JobService {
  cancel(id: string): Promise<Job>;
  /**
   * Loads the persisted jobs it does not know yet and restarts the unfinished ones whose owner is gone
   * (a previous run, a CLI that exited); returns how many. Unfinished jobs of a live owner (a CLI
   * running on its own) are left to it; call again once it has finished to adopt what it left.
   */
  resume(): Promise<number>;
  /**
   * Stops taking work, gives running jobs `graceMs` to finish, then interrupts them so they resume at
   * next start. Unlike a cancel, it leaves their backend work running: a resumed job re-attaches to it.
   */
  shutdown(graceMs: number): Promise<void>;
  /** Records what became of a finished preview (persisted, announced as a `job` event); undefined for an unknown job. */
  decide(id: string, decision: NonNullable<Job['decision']>): Promise<Job | undefined>;
}

export const DEFAULT_JOB_RETENTION: JobRetention = { maxAgeMs: 30 * 24 * 3600_000, maxCount: 50_000 };

/**
 * The embedded job service: jobs run in this process as soon as they are submitted, with the
 * pipeline's stage limits deciding how many are in each stage at once. One job per actor and mode
 * at a time; a second request joins it when it asks for the same parameters (else a 409 conflict).
 * Only this process's unfinished jobs are held in memory; finished ones are read from the store,
 * which keeps them by the retention settings.
 */
export function createInProcessJobs(options: InProcessJobsOptions): InProcessJobService {
  const { store, events, logger, run, owner = currentProcess(), isOwnerAlive = isProcessAlive, clearCheckpoints, backend } = options;
  const { retention = DEFAULT_JOB_RETENTION, pruneIntervalMs = 60_000 } = options;
  /** The jobs this process runs, until their terminal state is recorded. */
  const jobs = new Map<string, Job>();
  /** Each running job's own abort, for a cancel; a shutdown aborts them all through `stopping`. */
  const cancels = new Map<string, AbortController>();
  const active = new Map<string, string>();
  const running = new Map<string, Promise<void>>();
  const waiters = createWaiters<Job>();
  const stopping = new AbortController();
  const persisted = new Map<string, Promise<boolean>>();
  /** Set once shutdown has rejected its waiters: no job is settled after that, so a later waiter would wait forever. */
  let waitersClosed = false;

  /** Resolves true once this state of the job is written, false when it could not be (logged). */
  function persist(job: Job): Promise<boolean> {
    const snapshot = structuredClone(job);
    const next = (persisted.get(job.id) ?? Promise.resolve(true))
      .then(() => store.save(snapshot).then(() => true))
      .catch((error: unknown) => {
        logger.error({ err: error, jobId: job.id }, 'could not persist job');
        return false;
      });
    persisted.set(job.id, next);
    return next;
  }

  async function record(job: Job): Promise<boolean> {
    if (!(await persist(job))) return false;
    await clearCheckpoints?.(job.id).catch((error: unknown) => logger.warn({ err: error, jobId: job.id }, 'could not clear checkpoints'));
    return true;
  }
  const unrecorded = createPendingWrites(record);

  // Messages and errors may echo a backend's input (a presigned LoRA URL): redacted before anyone can read them.
  function changed(job: Job, fields: Partial<Job>, save: boolean): void {
    Object.assign(job, redactSecrets(fields), { updated_at: new Date().toISOString() });
    events.publish({ type: 'job', job: structuredClone(job) });
    if (save) void persist(job);
  }

  function start(job: Job): void {
    active.set(jobKey(job), job.id);
    const cancel = new AbortController();
    cancels.set(job.id, cancel);
    const signal = AbortSignal.any([stopping.signal, cancel.signal]);
    let lastStage: JobStage = job.stage;
    const report: ReportProgress = (stage, percent, message) => {
      const stageChanged = stage !== lastStage;
      lastStage = stage;
      changed(job, { status: stage === 'queued' ? job.status : 'running', stage, percent, message }, stageChanged);
      if (stageChanged) logger.info({ jobId: job.id, actor: job.actor_name, stage }, 'stage');
    };
    const work = (async () => {
      changed(job, { status: 'queued', started_at: job.started_at ?? new Date().toISOString() }, true);
      try {
        const result = await run(job, signal, report);
        // The result's URLs carry the version the job produced (a preview's own, or the published one).
        await finish(job, { status: 'done', percent: 100, message: result.message, result, version: versionOf(result.poster_frames) });
        logger.info({ jobId: job.id, actor: job.actor_name }, 'job done');
      } catch (error) {
        if (cancel.signal.aborted) {
          const { message } = cancel.signal.reason as PipelineError;
          await finish(job, { status: 'cancelled', message, error: { error: 'cancelled', message, stage: job.stage } });
          logger.info({ jobId: job.id, actor: job.actor_name, stage: job.stage }, 'job cancelled');
          return;
        }
        if (stopping.signal.aborted) {
          changed(job, { status: 'queued', message: 'interrupted by shutdown; resumes at next start' }, true);
          logger.warn({ jobId: job.id }, 'job interrupted by shutdown');
          return;
        }
        const failure = isPipelineError(error) ? error : new PipelineError('internal_error', unexpectedMessage(error), { cause: error });
        if (!isPipelineError(error)) logger.error({ err: error, jobId: job.id }, 'job failed unexpectedly');
        else logger.warn({ jobId: job.id, error: failure.code, stage: failure.stage, message: failure.message }, 'job failed');
        await finish(job, {
          status: 'failed',
          message: failure.message,
          error: { error: failure.code, message: failure.message, stage: failure.stage, details: failure.details },
        });
      }
    })();
    running.set(job.id, work);
    void work.finally(() => {
      running.delete(job.id);
      cancels.delete(job.id);
    });
  }

  /** The terminal state is on disk before anyone hears of it, so an answered request is a recorded one. */
  async function finish(job: Job, fields: Partial<Job>): Promise<void> {
    const now = new Date().toISOString();
    const finished = { ...job, ...redactSecrets(fields), finished_at: now, updated_at: now };
    // The in-memory job turns terminal only after the write, or waitFor() could answer before it.
    if (!(await record(finished))) {
      logger.error({ jobId: job.id, status: finished.status }, 'terminal state not written; kept in memory and retried until it is');
      unrecorded.add(finished);
    } else {
      // Recorded: from now on the store answers for it.
      jobs.delete(job.id);
      persisted.delete(job.id);
    }
    Object.assign(job, finished);
    active.delete(jobKey(job));
    events.publish({ type: 'job', job: structuredClone(job) });
    waiters.settle(job.id, structuredClone(job));
    pruneSoon();
  }

  let lastPrune = 0;
  /** Forgets finished records beyond the retention, at most once per interval: a 10,000-job batch must not scan 10,000 times. */
  function pruneSoon(): void {
    if (Date.now() - lastPrune < pruneIntervalMs) return;
    lastPrune = Date.now();
    store.prune(retention).then(
      (pruned) => pruned > 0 && logger.info({ pruned }, 'forgot finished jobs beyond the retention'),
      (error: unknown) => logger.warn({ err: error }, 'could not prune finished jobs'),
    );
  }

  return {
    async submit({ source, actor, request, batchId, id = newId('job') }) {
      if (stopping.signal.aborted) throw new PipelineError('shutting_down', 'The daemon is shutting down and takes no new work; retry once it is back.');
      requireValidRequest(actor, request);
      const candidate: Job = { ...createJob({ id, source, actor, request, backend }), owner, ...(batchId === undefined ? {} : { batch_id: batchId }) };
      const existing = jobs.get(active.get(jobKey(candidate)) ?? '');
      if (existing) {
        requireJoinable(existing, request);
        return { job: structuredClone(existing), joined: true };
      }
      jobs.set(candidate.id, candidate);
      // Claimed before the first await, so a concurrent request for the same actor joins this job.
      active.set(jobKey(candidate), candidate.id);
      await persist(candidate);
      // Shutdown may have begun during that write: the job stays queued on disk for the next start
      // rather than running (and writing) after shutdown has returned.
      if (!stopping.signal.aborted) start(candidate);
      return { job: structuredClone(candidate), joined: false };
    },
    get: async (id) => {
      const job = jobs.get(id);
      return job ? structuredClone(job) : store.get(id);
    },
    async list(query = {}) {
      const stored = await store.page(query);
      // Memory is ahead of the store: a running job's latest progress, and a job whose writes a full
      // disk refused (its terminal state is retried until written, and must be listed meanwhile).
      const merged = new Map(stored.jobs.map((job) => [job.id, job]));
      for (const job of jobs.values()) merged.set(job.id, job);
      const page = pageJobs(merged.values(), query);
      const more = stored.next_cursor !== null || page.next_cursor !== null;
      const last = page.jobs.at(-1);
      return { jobs: page.jobs.map((job) => structuredClone(job)), next_cursor: more && last ? encodeJobsCursor(last) : null };
    },
    async waitFor(id, signal) {
      const job = jobs.get(id) ?? (await store.get(id));
      if (!job) throw new PipelineError('not_found', `No job with id ${JSON.stringify(id)}`);
      if (isTerminal(job)) return structuredClone(job);
      if (!jobs.has(id)) throw new PipelineError('conflict', `Job ${id} runs in another process (${describeOwner(job)}); follow it with GET /api/jobs/${id}`);
      // A request that raced shutdown (submitted as it began) would otherwise hang until its connection is cut.
      if (waitersClosed) throw stopping.signal.reason;
      return waiters.wait(id, signal);
    },
    async cancel(id) {
      const job = jobs.get(id);
      if (!job || isTerminal(job)) {
        const known = job ?? (await store.get(id));
        if (!known) throw new PipelineError('not_found', `No job with id ${JSON.stringify(id)}; GET /api/jobs lists jobs`);
        if (isTerminal(known)) throw new PipelineError('conflict', `Expected a queued or running job to cancel but job ${id} is ${known.status}`);
        throw new PipelineError('conflict', `Job ${id} runs in another process (${describeOwner(known)}); cancel it there`);
      }
      cancels.get(id)?.abort(new PipelineError('cancelled', 'Cancelled on request before it was published; the poster is unchanged'));
      await running.get(id);
      if (job.status !== 'cancelled') {
        throw new PipelineError('conflict', `Expected a queued or running job to cancel but job ${id} finished as ${job.status} before the cancel took effect`);
      }
      return structuredClone(job);
    },
    async resume() {
      const unfinished: Job[] = [];
      for (const job of await store.loadUnfinished()) {
        if (jobs.has(job.id)) continue;
        // Another process's live job: running it here too would generate and publish it twice.
        if (job.owner && job.owner.token !== owner.token && isOwnerAlive(job.owner)) continue;
        job.owner = owner;
        unfinished.push(job);
        jobs.set(job.id, job);
      }
      unfinished.forEach(start);
      pruneSoon();
      return unfinished.length;
    },
    async decide(id, decision) {
      const live = jobs.get(id);
      const job = live ?? (await store.get(id));
      if (!job) return undefined;
      changed(job, { decision }, false);
      // A finished job is usually only in the store; one still held here is written in turn with its other writes.
      await (live ? persist(job) : store.save(job));
      return structuredClone(job);
    },
    async shutdown(graceMs) {
      const interrupted = new PipelineError('shutting_down', 'The daemon is shutting down; the job resumes at its next start.');
      const grace = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
      const all = () => Promise.allSettled([...running.values()]);
      await Promise.race([all(), grace]);
      stopping.abort(interrupted);
      await all();
      waitersClosed = true;
      waiters.rejectAll(interrupted);
      await Promise.allSettled([...persisted.values()]);
      await unrecorded.close();
    },
  };
}

function unexpectedMessage(error: unknown): string {
  if (isErrno(error, 'ENOSPC', 'EDQUOT'))
    return `The disk is full, so the job could not save its progress (${messageOf(error)}). Free space in DATA_DIR and regenerate.`;
  return messageOf(error);
}
const describeOwner = (job: Job) => (job.owner ? `pid ${job.owner.pid}` : 'an unknown process');
