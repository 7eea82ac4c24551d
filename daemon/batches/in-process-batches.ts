import type { Logger } from 'pino';
import type { Actor, BatchEntry, Job } from '../../shared/api-types.js';
import { requestFor } from '../cli/job-request.js';
import { isPipelineError, messageOf, PipelineError } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { InProcessJobService } from '../jobs/in-process-jobs.js';
import { isTerminal } from '../jobs/job-service.js';
import { newId } from '../jobs/new-id.js';
import { createWaiters } from '../jobs/waiters.js';
import type { ActorsStore } from '../pipeline/5-save/actors-store.js';
import { applyJob, type LiveBatch, liveBatch, rekey, setEntry, settleIfDone } from './batch-tracker.js';
import type { BatchService } from './batch-service.js';
import type { BatchStore } from './batch-store.js';
import { resolveBatchActors } from './resolve-batch-actors.js';
import { type BatchRecord, summarize, toBatch } from './summarize-batch.js';

export interface InProcessBatchesOptions {
  store: BatchStore;
  jobs: Pick<InProcessJobService, 'submit' | 'get' | 'cancel'>;
  actors: Pick<ActorsStore, 'list' | 'find'>;
  events: EventBus;
  logger: Logger;
  /** Least time between two `batch` events of one batch, in ms: progress ticks are coalesced. Default 250. */
  publishIntervalMs?: number;
  /** Least time between two saves of a running batch's record, in ms (a restart recovers statuses from the job records). Default 5000. */
  saveIntervalMs?: number;
}

export interface InProcessBatchService extends BatchService {
  /** Picks up the batches a previous run left running: follows their jobs and submits the ones never submitted. Call after the jobs' resume. */
  resume(): Promise<number>;
  /** Stops submitting (the rest is submitted at the next start) and saves what changed. */
  close(): Promise<void>;
}

/**
 * Batches run in this process on the in-process job service. Each actor's job id is chosen and saved
 * with the batch before anything is submitted, so a restart submits exactly the jobs that were not:
 * once per actor. Progress comes from the jobs' events, coalesced into at most one `batch` event per
 * batch per interval.
 */
export function createInProcessBatches(options: InProcessBatchesOptions): InProcessBatchService {
  const { store, jobs, actors, events, logger, publishIntervalMs = 250, saveIntervalMs = 5000 } = options;
  const live = new Map<string, LiveBatch>();
  const byJob = new Map<string, Set<LiveBatch>>();
  const waiters = createWaiters<BatchRecord>();
  let closing = false;

  const link = (jobId: string, batch: LiveBatch) => byJob.set(jobId, (byJob.get(jobId) ?? new Set()).add(batch));
  const unsubscribe = events.subscribe((event) => {
    if (event.type !== 'job') return;
    for (const batch of byJob.get(event.job.id) ?? []) take(batch, event.job);
  });
  const timer = setInterval(() => flush(false), publishIntervalMs);
  timer.unref();

  function take(batch: LiveBatch, job: Job): void {
    if (!applyJob(batch, job)) return;
    byJob.get(job.id)?.delete(batch);
    settle(batch);
  }

  function publish(batch: LiveBatch): void {
    batch.dirty = false;
    events.publish({ type: 'batch', batch: summarize(batch.record, batch.progress) });
  }

  async function save(batch: LiveBatch): Promise<void> {
    batch.unsaved = false;
    batch.savedAt = Date.now();
    batch.record.updated_at = new Date().toISOString();
    await store.save(batch.record).catch((error: unknown) => {
      batch.unsaved = true;
      logger.error({ err: error, batchId: batch.record.id }, 'could not save the batch');
    });
  }

  function flush(all: boolean): Promise<unknown> {
    const saves: Promise<void>[] = [];
    for (const batch of live.values()) {
      if (batch.dirty) publish(batch);
      if (batch.unsaved && (all || Date.now() - batch.savedAt >= saveIntervalMs)) saves.push(save(batch));
    }
    return Promise.all(saves);
  }

  /** The settled state is saved before it is announced, as a job's is. */
  function settle(batch: LiveBatch): void {
    if (!settleIfDone(batch)) return;
    const { record } = batch;
    live.delete(record.id);
    void save(batch).then(() => {
      publish(batch);
      waiters.settle(record.id, record);
      logger.info({ batchId: record.id, status: record.status, totals: summarize(record, batch.progress).totals }, 'batch settled');
    });
  }

  async function submitOne(batch: LiveBatch, entry: BatchEntry, actor: Actor | undefined): Promise<void> {
    const { record } = batch;
    if (!actor) {
      setEntry(batch, entry, 'failed', { error: 'actor_not_found', message: `Actor ${entry.actor_id} is no longer in the library`, stage: 'queued' });
      return settle(batch);
    }
    link(entry.job_id, batch);
    try {
      const request = requestFor(actor, { params: record.params ?? {}, mode: record.mode });
      const { job } = await jobs.submit({ source: 'batch', actor, request, batchId: record.id, id: entry.job_id });
      batch.submitted.add(job.id);
      if (job.id !== entry.job_id) {
        rekey(batch, entry, job.id);
        link(job.id, batch);
      }
      // The job may have moved on (even finished) before it was linked here.
      take(batch, (await jobs.get(job.id)) ?? job);
    } catch (error) {
      if (isPipelineError(error) && error.code === 'shutting_down') throw error;
      const code = isPipelineError(error) ? error.code : 'internal_error';
      setEntry(batch, entry, 'failed', { error: code, message: messageOf(error), stage: 'queued' });
      settle(batch);
    }
  }

  /** Submits the entries not submitted yet, one at a time, until done, cancelled or closing. */
  async function submitAll(batch: LiveBatch, known: Map<string, Actor> = new Map()): Promise<void> {
    try {
      for (const entry of batch.record.jobs) {
        if (closing || batch.record.cancel_requested) return;
        if (isTerminal(entry) || batch.submitted.has(entry.job_id)) continue;
        await submitOne(batch, entry, known.get(entry.actor_id) ?? (await actors.find(entry.actor_id)));
      }
    } catch (error) {
      logger.info({ batchId: batch.record.id, reason: messageOf(error) }, 'batch submission stopped; the rest is submitted at the next start');
    }
  }

  function track(record: BatchRecord): LiveBatch {
    const batch = liveBatch(record);
    live.set(record.id, batch);
    return batch;
  }

  /** Cancels every unsettled job the batch started; one never submitted is cancelled outright. */
  function cancelJobs(batch: LiveBatch): Promise<unknown> {
    const unsettled = batch.record.jobs.filter((entry) => !isTerminal(entry) && !batch.joined.has(entry.job_id));
    // Each cancel aborts its job before its first await, so no queued job can slip to the backend meanwhile.
    return Promise.all(
      unsettled.map((entry) =>
        batch.submitted.has(entry.job_id)
          ? jobs.cancel(entry.job_id).then(
              (job) => take(batch, job),
              async () => take(batch, (await jobs.get(entry.job_id))!),
            )
          : setEntry(batch, entry, 'cancelled', { error: 'cancelled', message: 'Cancelled before it was submitted', stage: 'queued' }),
      ),
    ).then(() => settle(batch));
  }

  async function stored(id: string): Promise<BatchRecord> {
    const record = live.get(id)?.record ?? (await store.get(id));
    if (!record) throw new PipelineError('not_found', `No batch with id ${JSON.stringify(id)}; GET /api/batches lists batches`);
    return record;
  }

  const service: InProcessBatchService = {
    async create({ request, source, retryOf }) {
      if (closing) throw new PipelineError('shutting_down', 'The daemon is shutting down and takes no new work; retry once it is back.');
      const chosen = await resolveBatchActors(request.actor_ids, actors);
      const now = new Date().toISOString();
      const record: BatchRecord = {
        id: newId('batch'),
        source,
        mode: request.mode ?? 'publish',
        ...(request.params ? { params: request.params } : {}),
        status: 'running',
        totals: { total: chosen.length, queued: chosen.length, running: 0, done: 0, failed: 0, cancelled: 0 },
        percent: 0,
        created_at: now,
        updated_at: now,
        ...(retryOf ? { retry_of: retryOf } : {}),
        jobs: chosen.map((actor) => ({ actor_id: String(actor.id), actor_name: actor.name, job_id: newId('job'), status: 'queued' })),
      };
      await store.save(record);
      const batch = track(record);
      publish(batch);
      batch.submitting = submitAll(batch, new Map(chosen.map((actor) => [String(actor.id), actor])));
      logger.info({ batchId: record.id, source, actors: chosen.length, retryOf }, 'batch created');
      return summarize(record, batch.progress);
    },
    async get(id) {
      const batch = live.get(id);
      if (batch) return toBatch(batch.record, batch.progress);
      const record = await store.get(id);
      return record && toBatch(record, new Map());
    },
    async list(query) {
      const page = await store.page(query);
      const summaries = page.batches.map((record) => {
        const batch = live.get(record.id);
        return batch ? summarize(batch.record, batch.progress) : summarize(record, new Map());
      });
      return { batches: summaries, next_cursor: page.next_cursor };
    },
    async cancel(id) {
      const batch = live.get(id);
      if (!batch) {
        const record = await stored(id);
        throw new PipelineError('conflict', `Expected a running batch to cancel but batch ${id} is ${record.status}`);
      }
      batch.record.cancel_requested = true;
      await save(batch);
      await batch.submitting;
      await cancelJobs(batch);
      logger.info({ batchId: id }, 'batch cancelled');
      return toBatch(batch.record, batch.progress);
    },
    async retry(id, source) {
      const record = await stored(id);
      if (record.status === 'running')
        throw new PipelineError('conflict', `Expected a settled batch to retry but batch ${id} is still running; cancel it or wait`);
      const again = record.jobs.filter((entry) => entry.status === 'failed' || entry.status === 'cancelled').map((entry) => entry.actor_id);
      if (again.length === 0) throw new PipelineError('conflict', `Batch ${id} has no failed or cancelled jobs to retry`);
      return service.create({ request: { actor_ids: again, params: record.params, mode: record.mode }, source, retryOf: id });
    },
    async waitFor(id) {
      const batch = live.get(id);
      if (!batch) return toBatch(await stored(id), new Map());
      return toBatch(await waiters.wait(id), batch.progress);
    },
    async resume() {
      const running = (await store.loadRunning()).filter((record) => !live.has(record.id));
      for (const record of running) {
        const batch = track(record);
        for (const entry of record.jobs.filter((e) => !isTerminal(e))) {
          const job = await jobs.get(entry.job_id);
          if (!job) continue;
          batch.submitted.add(job.id);
          link(job.id, batch);
          take(batch, job);
        }
        if (record.cancel_requested) void cancelJobs(batch);
        else batch.submitting = submitAll(batch);
        settle(batch);
      }
      if (running.length) logger.info({ batches: running.length }, 'resumed running batches');
      return running.length;
    },
    async close() {
      closing = true;
      clearInterval(timer);
      await Promise.all([...live.values()].map((batch) => batch.submitting));
      await flush(true);
      unsubscribe();
    },
  };
  return service;
}
