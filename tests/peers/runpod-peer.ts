import { randomUUID } from 'node:crypto';
import { readJson, sendJson, startHttpPeer } from './http-peer.js';

/**
 * A loopback server speaking RunPod Serverless' queue API (`/v2/{endpoint}/run`, `/status/{id}`,
 * `/cancel/{id}`, `/health`, Bearer auth). Two modes: a scripted state machine where each job walks
 * through the scenario's steps one status poll at a time, or (`timed`) an endpoint of N workers that
 * take queued jobs first-in first-out and finish each after a fixed time by the clock. Every call is
 * recorded so tests can assert on them.
 */

export type RunpodStep =
  /** Answered to `polls` status requests (default 1) before moving on; Infinity keeps the job there. */
  | { status: 'IN_QUEUE' | 'IN_PROGRESS' | 'RUNNING'; polls?: number }
  | { status: 'COMPLETED'; output?: unknown }
  /** `error` as a function: computed from the job's input, like a worker whose error echoes what it was given. */
  | { status: 'FAILED'; error: unknown }
  | { status: 'TIMED_OUT' | 'CANCELLED' };

export interface RunpodScenario {
  /** Answers to `POST /run` before it succeeds, e.g. `[{ status: 429 }]`. */
  runFailures?: { status: number; body?: unknown; retryAfter?: string }[];
  /** The job's states after `/run`; the last one repeats. Ignored when `timed` is set. */
  steps: RunpodStep[];
  /**
   * An endpoint of `workers` GPUs, each job taking `jobMs` of wall-clock time, then COMPLETED with
   * `output` — or FAILED with the error `fail` returns for the job's input (undefined: it succeeds).
   */
  timed?: { workers: number; jobMs: number; output: unknown; fail?: (input: Record<string, unknown>) => unknown };
  /**
   * Holds each `/run` answer until `release` settles, after the job exists (`arrived` is told first): a
   * caller cancelling or shutting down while its submit is in flight, which RunPod may already have acted on.
   */
  holdRun?: { arrived(job: PeerJob): void; release: Promise<void> };
}

export interface RecordedCall {
  /** When it arrived (ms since the epoch). */
  at: number;
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
}

export interface PeerJob {
  id: string;
  /** The `/run` body: `{input, policy}`. */
  request: { input: Record<string, unknown>; policy?: Record<string, number> };
  steps: RunpodStep[];
  step: number;
  pollsInStep: number;
  cancelled: boolean;
  /** Timed mode: when a worker takes the job and when it finishes (ms since the epoch). */
  startsAt?: number;
  endsAt?: number;
  submittedAt: number;
}

export interface RunpodPeer {
  /** For RUNPOD_BASE_URL: `http://127.0.0.1:<port>/v2`. */
  baseUrl: string;
  /** The daemon's environment for this peer: key, endpoint, base URL and a 10 ms poll interval. */
  env: Record<string, string>;
  calls: RecordedCall[];
  jobs: Map<string, PeerJob>;
  /** The scenario every following `/run` gets. */
  setScenario(scenario: RunpodScenario): void;
  /** Timed mode: the jobs still queued or running on the endpoint now (neither cancelled nor ended). */
  unfinished(): PeerJob[];
  close(): Promise<void>;
}

export async function startRunpodPeer(options: { apiKey: string; endpointId: string }): Promise<RunpodPeer> {
  const calls: RecordedCall[] = [];
  const jobs = new Map<string, PeerJob>();
  let scenario: RunpodScenario = { steps: [{ status: 'IN_QUEUE', polls: Infinity }] };
  let runFailuresLeft: NonNullable<RunpodScenario['runFailures']> = [];
  /** Timed mode: when each worker is next free. */
  let workerFreeAt: number[] = [];

  /** Timed mode: the job goes to the worker that is free first (FIFO queue, as RunPod dispatches). */
  const schedule = (job: PeerJob, jobMs: number) => {
    const worker = workerFreeAt.indexOf(Math.min(...workerFreeAt));
    job.startsAt = Math.max(job.submittedAt, workerFreeAt[worker]!);
    job.endsAt = job.startsAt + jobMs;
    workerFreeAt[worker] = job.endsAt;
  };

  const timedStatus = (job: PeerJob, now: number) => {
    if (now < job.startsAt!) return { id: job.id, status: 'IN_QUEUE' };
    const delayTime = job.startsAt! - job.submittedAt;
    if (now < job.endsAt!) return { id: job.id, status: 'IN_PROGRESS', delayTime };
    const executionTime = job.endsAt! - job.startsAt!;
    const error = scenario.timed!.fail?.(job.request.input);
    if (error !== undefined) return { id: job.id, status: 'FAILED', delayTime, executionTime, error };
    return { id: job.id, status: 'COMPLETED', delayTime, executionTime, output: scenario.timed!.output };
  };

  const health = (now: number) => {
    const live = [...jobs.values()].filter((job) => !job.cancelled);
    const count = (status: string) => live.filter((job) => job.endsAt !== undefined && timedStatus(job, now).status === status).length;
    const running = count('IN_PROGRESS');
    const workers = scenario.timed?.workers ?? 0;
    return {
      jobs: { completed: count('COMPLETED'), failed: 0, inProgress: running, inQueue: count('IN_QUEUE'), retried: 0 },
      workers: { idle: Math.max(0, workers - running), running },
    };
  };

  const statusBody = (job: PeerJob) => {
    if (job.cancelled) return { id: job.id, status: 'CANCELLED' };
    if (job.endsAt !== undefined) return timedStatus(job, Date.now());
    const step = job.steps[job.step]!;
    const error = 'error' in step && typeof step.error === 'function' ? (step.error as (input: unknown) => unknown)(job.request.input) : undefined;
    return { id: job.id, delayTime: 12, executionTime: 34, ...step, polls: undefined, ...(error === undefined ? {} : { error }) };
  };

  const advance = (job: PeerJob) => {
    const step = job.steps[job.step]!;
    job.pollsInStep += 1;
    const polls = 'polls' in step && step.polls !== undefined ? step.polls : 1;
    if (job.pollsInStep >= polls && job.step < job.steps.length - 1) {
      job.step += 1;
      job.pollsInStep = 0;
    }
  };

  const peer = await startHttpPeer(async (req, res) => {
    const body = await readJson(req);
    const path = new URL(req.url ?? '/', 'http://peer').pathname;
    calls.push({ at: Date.now(), method: req.method ?? '', path, authorization: req.headers.authorization, body });
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) return sendJson(res, 401, { error: 'Unauthorized' });
    const match = /^\/v2\/([^/]+)\/(run|status|cancel|health)(?:\/([^/]+))?$/.exec(path);
    if (!match || match[1] !== options.endpointId) return sendJson(res, 404, { error: 'endpoint not found' });
    const [, , operation, jobId] = match;
    if (operation === 'health' && req.method === 'GET') return sendJson(res, 200, health(Date.now()));
    if (operation === 'run' && req.method === 'POST') {
      const failure = runFailuresLeft.shift();
      if (failure)
        return sendJson(
          res,
          failure.status,
          failure.body ?? { error: `HTTP ${failure.status}` },
          failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
        );
      const job: PeerJob = {
        id: randomUUID(),
        request: body as PeerJob['request'],
        steps: scenario.steps,
        step: 0,
        pollsInStep: 0,
        cancelled: false,
        submittedAt: Date.now(),
      };
      if (scenario.timed) schedule(job, scenario.timed.jobMs);
      jobs.set(job.id, job);
      const hold = scenario.holdRun;
      if (hold) {
        hold.arrived(job);
        await hold.release;
      }
      return sendJson(res, 200, { id: job.id, status: 'IN_QUEUE' });
    }
    const job = jobId ? jobs.get(decodeURIComponent(jobId)) : undefined;
    if (!job) return sendJson(res, 404, { error: 'job not found' });
    if (operation === 'status' && req.method === 'GET') {
      const answer = statusBody(job);
      if (job.endsAt === undefined) advance(job);
      return sendJson(res, 200, answer);
    }
    if (operation === 'cancel' && req.method === 'POST') {
      job.cancelled = true;
      return sendJson(res, 200, { id: job.id, status: 'CANCELLED' });
    }
    return sendJson(res, 405, { error: 'method not allowed' });
  });

  return {
    baseUrl: `${peer.origin}/v2`,
    env: { RUNPOD_API_KEY: options.apiKey, RUNPOD_ENDPOINT_ID: options.endpointId, RUNPOD_BASE_URL: `${peer.origin}/v2`, RUNPOD_POLL_INTERVAL_MS: '10' },
    calls,
    jobs,
    unfinished: () => [...jobs.values()].filter((job) => !job.cancelled && job.endsAt !== undefined && job.endsAt > Date.now()),
    setScenario(next) {
      scenario = next;
      runFailuresLeft = [...(next.runFailures ?? [])];
      workerFreeAt = Array.from({ length: next.timed?.workers ?? 0 }, () => 0);
    },
    close: peer.close,
  };
}
