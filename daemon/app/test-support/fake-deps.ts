import { pino, type Logger } from 'pino';
import type { Actor, Batch, Job, JobError, JobsPage, RegenerateResponse } from '../../../shared/api-types.js';
import type { BatchService, CreateBatchInput } from '../../batches/batch-service.js';
import { PipelineError } from '../../errors.js';
import { createEventBus } from '../../events/event-bus.js';
import { isTerminal, type JobService, type SubmitInput } from '../../jobs/job-service.js';
import { type JobsQuery, pageJobs } from '../../jobs/jobs-query.js';
import type { ActorsStore } from '../../pipeline/5-save/actors-store.js';
import type { AppDeps } from '../app-deps.js';
import { ActorsIndex } from '../../library/actors-index.js';
import { pageActors } from '../../library/actors-page.js';

export const ACTORS: Actor[] = [
  {
    id: 1,
    name: '0001_european_20_female',
    description: 'a young European woman with long brown hair',
    lora_model_url: 's3://bucket/models/0001_european_20_female.safetensors',
  },
  { id: 2, name: '0002_african_30_male', lora_model_url: 's3://bucket/models/0002_african_30_male.safetensors' },
];

/** The seed's request body for actor 1. */
export const SEED_REQUEST = {
  actor_name: '0001_european_20_female',
  lora_model_url: 's3://bucket/models/0001_european_20_female.safetensors',
  actor_description: 'a young European woman with long brown hair',
};

const urls = (host: string) => ({
  webp_sm: `https://${host}/actors/0001_european_20_female/poster_frame/0001_european_20_female_poster_sm.webp?v=abc123`,
  webp_md: `https://${host}/actors/0001_european_20_female/poster_frame/0001_european_20_female_poster_md.webp?v=abc123`,
  webp_lg: `https://${host}/actors/0001_european_20_female/poster_frame/0001_european_20_female_poster_lg.webp?v=abc123`,
});

/** The seed's success response for actor 1. */
export const SEED_RESPONSE: RegenerateResponse = {
  success: true,
  actor_id: '1',
  actor_name: '0001_european_20_female',
  poster_frames: {
    accelerated: urls('bucket.s3-accelerate.amazonaws.com'),
    standard: urls('bucket.s3.us-west-1.amazonaws.com'),
  },
  message: 'Poster frame regenerated successfully',
};

/** A read-only ActorsStore over a fixed list; lookups by id (as a string) then by name, like the real one. */
export function fakeActorsStore(actors: Actor[] = ACTORS): ActorsStore {
  const index = ActorsIndex.of(actors);
  return {
    list: async () => actors,
    listBlocks: async () => ({ revision: index.revision, blocks: index.blocks() }),
    page: async (query) => pageActors(index.ordered(), query),
    exported: async () => {},
    find: async (idOrName) => actors.find((a) => String(a.id) === idOrName) ?? actors.find((a) => a.name === idOrName),
    update: async () => {
      throw new Error('fakeActorsStore is read-only');
    },
    onChange: () => () => {},
    close: async () => {},
  };
}

/**
 * A JobService whose jobs finish at once with `outcome`: the seed response, or a job error.
 * Records what was submitted and what `waitFor` was given.
 */
export class FakeJobService implements JobService {
  readonly submitted: SubmitInput[] = [];
  readonly waitedFor: string[] = [];
  readonly jobs = new Map<string, Job>();
  outcome: { result: RegenerateResponse } | { error: JobError } = { result: SEED_RESPONSE };

  async submit(input: SubmitInput): Promise<{ job: Job; joined: boolean }> {
    this.submitted.push(input);
    const now = new Date(0).toISOString();
    const job: Job = {
      id: `job-${this.submitted.length}`,
      source: input.source,
      mode: input.request.mode ?? 'publish',
      actor_id: String(input.actor.id),
      actor_name: input.actor.name,
      request: input.request,
      status: 'queued',
      stage: 'queued',
      percent: 0,
      created_at: now,
      updated_at: now,
    };
    this.jobs.set(job.id, job);
    return { job, joined: false };
  }

  async get(id: string): Promise<Job | undefined> {
    return this.jobs.get(id);
  }

  async list(query?: JobsQuery): Promise<JobsPage> {
    return pageJobs(this.jobs.values(), query);
  }

  /** Cancels a job that has not finished; a finished one is a conflict, like the real service. */
  async cancel(id: string): Promise<Job> {
    const job = this.jobs.get(id);
    if (!job) throw new PipelineError('not_found', `No job with id "${id}"`);
    if (isTerminal(job)) throw new PipelineError('conflict', `Expected a queued or running job to cancel but job ${id} is ${job.status}`);
    const message = 'Cancelled on request';
    Object.assign(job, { status: 'cancelled', message, error: { error: 'cancelled', message, stage: job.stage } });
    return job;
  }

  async waitFor(id: string): Promise<Job> {
    this.waitedFor.push(id);
    const job = this.jobs.get(id);
    if (!job) throw new Error(`unknown job ${id}`);
    const finished: Job =
      'result' in this.outcome
        ? { ...job, status: 'done', stage: 'saving', percent: 100, result: this.outcome.result }
        : { ...job, status: 'failed', error: this.outcome.error };
    this.jobs.set(id, finished);
    return finished;
  }
}

/** A pino logger that keeps its JSON lines in `lines`, for asserting what was logged. */
export function memoryLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

export function fakeDeps(overrides: Partial<Omit<AppDeps, 'jobs'>> = {}): AppDeps & { jobs: FakeJobService } {
  return {
    actors: fakeActorsStore(),
    jobs: new FakeJobService(),
    events: createEventBus(),
    logger: pino({ level: 'silent' }),
    bodyLimitBytes: 16 * 1024,
    sseHeartbeatMs: 60_000,
    ...overrides,
  };
}

/** A BatchService over a list of batches that records what it was asked; `create` adds `batch_<n>`. */
export function fakeBatches(batches: Batch[] = []): BatchService & { created: CreateBatchInput[] } {
  const created: CreateBatchInput[] = [];
  const find = async (id: string) => {
    const batch = batches.find((b) => b.id === id);
    if (!batch) throw new PipelineError('not_found', `No batch with id "${id}"`);
    return batch;
  };
  const summaryOf = ({ jobs: _, ...summary }: Batch) => summary;
  const service = {
    created,
    async create(input: CreateBatchInput) {
      created.push(input);
      const now = new Date(0).toISOString();
      const total = Array.isArray(input.request.actor_ids) ? input.request.actor_ids.length : ACTORS.length;
      const totals = { total, queued: total, running: 0, done: 0, failed: 0, cancelled: 0 };
      const id = `batch_${created.length}`;
      const batch: Batch = { id, source: input.source, mode: 'publish', status: 'running', totals, percent: 0, created_at: now, updated_at: now, jobs: [] };
      batches.push(input.retryOf ? { ...batch, retry_of: input.retryOf } : batch);
      return summaryOf(batches.at(-1)!);
    },
    get: async (id: string) => batches.find((b) => b.id === id),
    list: async () => ({ batches: batches.map(summaryOf), next_cursor: null }),
    cancel: async (id: string) => Object.assign(await find(id), { status: 'cancelled' as const }),
    retry: async (id: string, source: Batch['source']) => service.create({ request: { actor_ids: ['1'] }, source, retryOf: (await find(id)).id }),
    waitFor: find,
  };
  return service;
}
