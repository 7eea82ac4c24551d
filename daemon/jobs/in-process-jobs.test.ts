import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor, Job, RegenerateResponse } from '../../shared/api-types.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import { PipelineError } from '../errors.js';
import { createEventBus } from '../events/event-bus.js';
import { createInProcessJobs, type InProcessJobsOptions, type RunJob } from './in-process-jobs.js';
import { openLibrary, type Library } from '../library/open-library.js';
import type { JobStore } from './job-store.js';

const actor = (id: number, name = `000${id}_test_30_female`): Actor => ({ id, name, description: 'd' });
const request = (a: Actor) => ({ actor_name: a.name, lora_model_url: 's3://m/x.safetensors' });
const response = (job: Job): RegenerateResponse => ({
  success: true,
  actor_id: job.actor_id,
  actor_name: job.actor_name,
  poster_frames: { accelerated: { webp_sm: 'a', webp_md: 'b', webp_lg: 'c' }, standard: { webp_sm: 'a', webp_md: 'b', webp_lg: 'c' } },
  message: 'ok',
});

/** A run function the test finishes by hand, one job at a time. */
function controllableRun() {
  const pending = new Map<string, { resolve: () => void; reject: (e: unknown) => void }>();
  const run: RunJob = (job, signal, report) =>
    new Promise((resolve, reject) => {
      report('generating', 10, 'working');
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      pending.set(job.id, { resolve: () => resolve(response(job)), reject });
    });
  return { run, pending };
}

let dir: Awaited<ReturnType<typeof tempDir>>;
let library: Library;
let store: JobStore;
beforeEach(async () => {
  dir = await tempDir();
  library = openLibrary({ dataDir: dir.path, actorsFile: path.join(dir.path, 'actorsData.json') });
  store = library.jobs;
});
afterEach(async () => {
  await library.close();
  await dir.remove();
});

const service = (run: RunJob, options: Partial<InProcessJobsOptions> = {}) =>
  createInProcessJobs({ store, events: createEventBus(), logger: pino({ level: 'silent' }), run, ...options });

describe('in-process jobs', () => {
  it('answers and lists a job whose terminal state cannot be written, keeps it, writes it once the disk has room, then clears its checkpoints', async () => {
    let diskFull = false;
    const cleared: string[] = [];
    const fullStore: JobStore = {
      ...store,
      save: (job) =>
        diskFull && job.status !== 'queued' && job.status !== 'running'
          ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))
          : store.save(job),
    };
    const { run, pending } = controllableRun();
    const jobs = createInProcessJobs({
      store: fullStore,
      events: createEventBus(),
      logger: pino({ level: 'silent' }),
      run,
      clearCheckpoints: async (id) => void cleared.push(id),
    });
    const { job } = await jobs.submit({ source: 'api', actor: actor(1), request: request(actor(1)) });
    diskFull = true;
    pending.get(job.id)!.resolve();
    await expect(jobs.waitFor(job.id)).resolves.toMatchObject({ status: 'done' });
    expect((await store.get(job.id))?.status).not.toBe('done');
    expect(cleared).toEqual([]);
    // Listed as it is, not as the store last had it (or not at all).
    expect((await jobs.list()).jobs.map((listed) => [listed.id, listed.status])).toEqual([[job.id, 'done']]);
    expect((await jobs.list({ status: 'done' })).jobs.map((listed) => listed.id)).toEqual([job.id]);

    diskFull = false;
    await vi.waitFor(() => expect(cleared).toEqual([job.id]), { timeout: 5000 });
    expect((await store.get(job.id))?.status).toBe('done');
    await jobs.shutdown(0);
  });

  it('joins a second request for the same actor and mode, but not for another actor', async () => {
    const { run, pending } = controllableRun();
    const jobs = service(run);
    const first = await jobs.submit({ source: 'api', actor: actor(1), request: request(actor(1)) });
    const again = await jobs.submit({ source: 'folder', actor: actor(1), request: request(actor(1)) });
    const other = await jobs.submit({ source: 'api', actor: actor(2), request: request(actor(2)) });
    expect([first.joined, again.joined, other.joined]).toEqual([false, true, false]);
    expect(again.job.id).toBe(first.job.id);
    expect(other.job.id).not.toBe(first.job.id);
    for (const p of pending.values()) p.resolve();
    await expect(jobs.waitFor(first.job.id)).resolves.toMatchObject({ status: 'done', result: { message: 'ok' } });
  });

  it('joins a request that asks for what the running job makes, refuses one that asks for other parameters with a conflict', async () => {
    const { run, pending } = controllableRun();
    const jobs = service(run);
    const noir = { ...request(actor(1)), params: { style: 'film-noir', steps: 20 } };
    const first = await jobs.submit({ source: 'api', actor: actor(1), request: noir });
    const seedless = await jobs.submit({ source: 'api', actor: actor(1), request: noir });
    const sameSeed = await jobs.submit({ source: 'api', actor: actor(1), request: { ...noir, params: { ...noir.params, seed: first.job.params!.seed } } });
    expect([seedless.joined, sameSeed.joined, sameSeed.job.id]).toEqual([true, true, first.job.id]);

    const refused = await jobs
      .submit({ source: 'api', actor: actor(1), request: { ...noir, params: { style: 'golden-hour', steps: 20 } } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PipelineError);
    expect(refused).toMatchObject({
      code: 'conflict',
      details: { job_id: first.job.id, fields: expect.arrayContaining([{ field: 'params.style', running: 'film-noir', requested: 'golden-hour' }]) },
    });
    expect((await jobs.list()).jobs.map((job) => job.id)).toEqual([first.job.id]);
    for (const p of pending.values()) p.resolve();
    await jobs.waitFor(first.job.id);
  });

  it.each([
    ["another actor's LoRA", 's3://m/0002_test_30_female.safetensors'],
    ["a foreign bucket's LoRA", 's3://someone-else/x.safetensors'],
  ])('refuses %s for an actor whose record names its own, as a 400 naming lora_model_url', async (_case, loraModelUrl) => {
    const jobs = service(controllableRun().run);
    const own: Actor = { ...actor(1), lora_model_url: 's3://m/0001_test_30_female.safetensors' };
    const message = `Expected lora_model_url "s3://m/0001_test_30_female.safetensors" for actor 1 but received "${loraModelUrl}"`;
    await expect(jobs.submit({ source: 'folder', actor: own, request: { ...request(own), lora_model_url: loraModelUrl } })).rejects.toMatchObject({
      code: 'invalid_request',
      message: `${message}; use the actor's lora_model_url from actorsData.json`,
      details: [{ field: 'lora_model_url', message }],
    });
    expect((await jobs.list()).jobs).toEqual([]);
  });

  it("takes the request's LoRA for an actor whose record names none", async () => {
    const { run, pending } = controllableRun();
    const submitted = await service(run).submit({ source: 'cli', actor: actor(1), request: request(actor(1)) });
    expect(submitted.job.request.lora_model_url).toBe('s3://m/x.safetensors');
    for (const p of pending.values()) p.resolve();
  });

  it('records a failure with its code, message and stage', async () => {
    const jobs = service(async () => {
      throw Object.assign(new PipelineError('generation_failed', 'GPU on fire'), { stage: 'generating' as const });
    });
    const { job } = await jobs.submit({ source: 'cli', actor: actor(1), request: request(actor(1)) });
    const failed = await jobs.waitFor(job.id);
    expect(failed).toMatchObject({ status: 'failed', error: { error: 'generation_failed', message: 'GPU on fire', stage: 'generating' } });
    expect((await store.get(job.id))?.status).toBe('failed');
  });

  it('turns an unexpected exception into internal_error rather than losing the job', async () => {
    const jobs = service(async () => {
      throw new TypeError('bug');
    });
    const { job } = await jobs.submit({ source: 'api', actor: actor(1), request: request(actor(1)) });
    expect(await jobs.waitFor(job.id)).toMatchObject({ status: 'failed', error: { error: 'internal_error', message: 'bug' } });
  });

  it.each([
    ['a hostile stored name', actor(1, '../../etc'), request(actor(1, '../../etc'))],
    ['a name that is not the actor’s', actor(1), request(actor(2))],
  ])('refuses %s before creating a job', async (_, a, r) => {
    const jobs = service(controllableRun().run);
    await expect(jobs.submit({ source: 'cli', actor: a, request: r })).rejects.toMatchObject({ code: 'invalid_request' });
    expect((await jobs.list()).jobs).toEqual([]);
  });

  it('answers shutting_down to a waiter for a job submitted while shutdown began', async () => {
    const jobs = service(controllableRun().run);
    const submitting = jobs.submit({ source: 'api', actor: actor(1), request: request(actor(1)) });
    await jobs.shutdown(0);
    const { job } = await submitting;
    await expect(jobs.waitFor(job.id)).rejects.toMatchObject({ code: 'shutting_down' });
    // It never started after shutdown returned: it waits, queued on disk, for the next start.
    expect(await store.loadUnfinished()).toMatchObject([{ id: job.id, status: 'queued' }]);
  });

  it('interrupts running jobs at shutdown, leaves them queued on disk, and a new service resumes them', async () => {
    const jobs = service(controllableRun().run);
    const { job } = await jobs.submit({ source: 'api', actor: actor(1), request: request(actor(1)) });
    const waiting = expect(jobs.waitFor(job.id)).rejects.toMatchObject({ code: 'shutting_down' });
    await jobs.shutdown(10);
    await waiting;
    await expect(jobs.submit({ source: 'api', actor: actor(2), request: request(actor(2)) })).rejects.toMatchObject({ code: 'shutting_down' });
    expect(await store.get(job.id)).toMatchObject({ id: job.id, status: 'queued' });

    const next = service(async (resumed) => response(resumed));
    expect(await next.resume()).toBe(1);
    await expect(next.waitFor(job.id)).resolves.toMatchObject({ status: 'done' });
  });

  it('leaves the unfinished jobs of a live owner (a CLI) alone, and adopts them once that owner is gone', async () => {
    const logger = pino({ level: 'silent' });
    const cli = createInProcessJobs({ store, events: createEventBus(), logger, run: controllableRun().run, owner: { pid: 4242, token: 'cli' } });
    const { job } = await cli.submit({ source: 'cli', actor: actor(1), request: request(actor(1)) });
    expect(await store.get(job.id)).toMatchObject({ id: job.id, owner: { pid: 4242, token: 'cli' } });
    let cliAlive = true;
    const ran: string[] = [];
    const daemon = createInProcessJobs({
      store,
      events: createEventBus(),
      logger,
      owner: { pid: 1, token: 'daemon' },
      isOwnerAlive: (owner) => owner.token === 'cli' && cliAlive,
      run: async (resumed) => {
        ran.push(resumed.id);
        return response(resumed);
      },
    });

    expect(await daemon.resume()).toBe(0);
    expect(await daemon.get(job.id)).toMatchObject({ owner: { token: 'cli' } });
    await cli.shutdown(0); // the CLI is killed: its job stays unfinished on disk
    cliAlive = false;
    expect(await daemon.resume()).toBe(1);
    await expect(daemon.waitFor(job.id)).resolves.toMatchObject({ status: 'done', owner: { token: 'daemon' } });
    expect(await daemon.resume()).toBe(0);
    expect(ran).toEqual([job.id]);
  });

  it('lists the finished jobs of another owner without running them', async () => {
    const cli = createInProcessJobs({
      store,
      events: createEventBus(),
      logger: pino({ level: 'silent' }),
      run: async (j) => response(j),
      owner: { pid: 4242, token: 'cli' },
    });
    const { job } = await cli.submit({ source: 'cli', actor: actor(1), request: request(actor(1)) });
    await cli.waitFor(job.id);
    const daemon = service(async () => Promise.reject(new Error('must not run')));
    expect(await daemon.resume()).toBe(0);
    expect((await daemon.list()).jobs).toMatchObject([{ id: job.id, status: 'done', source: 'cli' }]);
  });

  it('forgets finished jobs beyond the retention count and age, on disk too, but never an unfinished one', async () => {
    const { run, pending } = controllableRun();
    const jobs = service(run, { retention: { maxAgeMs: 3600_000, maxCount: 2 }, pruneIntervalMs: 0 });
    const old = { ...(await jobs.submit({ source: 'api', actor: actor(9), request: request(actor(9)) })).job, status: 'done' as const };
    await store.save({ ...old, id: 'job_old', created_at: new Date(Date.now() - 7200_000).toISOString() });
    const unfinished = await jobs.submit({ source: 'api', actor: actor(1), request: request(actor(1)) });
    for (const id of [2, 3, 4]) {
      const { job } = await jobs.submit({ source: 'api', actor: actor(id), request: request(actor(id)) });
      pending.get(job.id)!.resolve();
      await jobs.waitFor(job.id);
    }
    await vi.waitFor(async () => expect((await jobs.list()).jobs.map((j) => j.actor_id)).toEqual(['4', '3', '1', '9']));
    expect(await store.get('job_old')).toBeUndefined();
    expect((await jobs.get(unfinished.job.id))?.status).toBe('running');
  });

  it('pages through jobs with filters, newest first, with the latest progress of running ones', async () => {
    const { run, pending } = controllableRun();
    const jobs = service(run);
    const submitted: Job[] = [];
    for (const id of [1, 2, 3]) submitted.push((await jobs.submit({ source: 'api', actor: actor(id), request: request(actor(id)), batchId: 'batch_x' })).job);
    pending.get(submitted[0]!.id)!.resolve();
    await jobs.waitFor(submitted[0]!.id);
    const first = await jobs.list({ limit: 2, batch: 'batch_x' });
    expect(first.jobs.map((j) => [j.actor_id, j.status, j.percent])).toEqual([
      ['3', 'running', 10],
      ['2', 'running', 10],
    ]);
    expect(await jobs.list({ cursor: first.next_cursor!, limit: 2 })).toMatchObject({ jobs: [{ actor_id: '1', status: 'done' }], next_cursor: null });
    expect((await jobs.list({ status: 'done' })).jobs.map((j) => j.id)).toEqual([submitted[0]!.id]);
    expect((await jobs.list({ actor: '2' })).jobs.map((j) => j.id)).toEqual([submitted[1]!.id]);
    await jobs.shutdown(0);
  });
});

describe('cancelling a job', () => {
  it('cancels a running job with a cancelled reason, records it as cancelled and answers its waiters', async () => {
    const reasons: unknown[] = [];
    const jobs = service((_job, signal, report) => {
      report('generating', 10, 'working');
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(reasons.push(signal.reason) && signal.reason), { once: true }));
    });
    const { job } = await jobs.submit({ source: 'api', actor: actor(1), request: request(actor(1)) });
    const waiting = jobs.waitFor(job.id);
    const cancelled = await jobs.cancel(job.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', error: { error: 'cancelled', stage: 'generating' } });
    expect(reasons).toMatchObject([{ code: 'cancelled' }]);
    await expect(waiting).resolves.toMatchObject({ status: 'cancelled' });
    expect((await store.get(job.id))?.status).toBe('cancelled');
    await expect(jobs.cancel(job.id)).rejects.toMatchObject({
      code: 'conflict',
      message: `Expected a queued or running job to cancel but job ${job.id} is cancelled`,
    });
    await expect(jobs.cancel('job_nope')).rejects.toMatchObject({ code: 'not_found' });
    // The actor is free again: a new request starts a new job.
    expect((await jobs.submit({ source: 'api', actor: actor(1), request: request(actor(1)) })).joined).toBe(false);
    await jobs.shutdown(0);
  });

  it('answers conflict when the job finished publishing before the cancel took effect', async () => {
    const jobs = service(async (job) => response(job));
    const { job } = await jobs.submit({ source: 'api', actor: actor(1), request: request(actor(1)) });
    await expect(jobs.cancel(job.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('finished as done') });
  });

  it('a shutdown aborts with shutting_down, not cancelled, so backends leave their work running', async () => {
    const reasons: unknown[] = [];
    const jobs = service(
      (_job, signal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(reasons.push(signal.reason) && signal.reason), { once: true })),
    );
    await jobs.submit({ source: 'api', actor: actor(1), request: request(actor(1)) });
    await jobs.shutdown(0);
    expect(reasons).toMatchObject([{ code: 'shutting_down' }]);
  });
});
