import { randomUUID } from 'node:crypto';
import { readJson, sendJson, startHttpPeer } from './http-peer.js';

/**
 * A loopback server speaking RunPod Serverless' queue API (`/v2/{endpoint}/run`, `/status/{id}`,
 * `/cancel/{id}`, Bearer auth) as a state machine: each job walks through the scenario's steps,
 * one status poll at a time, and every call is recorded so tests can assert on them.
 */

export type RunpodStep =
  /** Answered to `polls` status requests (default 1) before moving on; Infinity keeps the job there. */
  | { status: 'IN_QUEUE' | 'IN_PROGRESS' | 'RUNNING'; polls?: number }
  | { status: 'COMPLETED'; output?: unknown }
  | { status: 'FAILED'; error: unknown }
  | { status: 'TIMED_OUT' | 'CANCELLED' };

export interface RunpodScenario {
  /** Answers to `POST /run` before it succeeds, e.g. `[{ status: 429 }]`. */
  runFailures?: { status: number; body?: unknown; retryAfter?: string }[];
  /** The job's states after `/run`; the last one repeats. */
  steps: RunpodStep[];
}

export interface RecordedCall {
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
}

export interface RunpodPeer {
  /** For RUNPOD_BASE_URL: `http://127.0.0.1:<port>/v2`. */
  baseUrl: string;
  calls: RecordedCall[];
  jobs: Map<string, PeerJob>;
  /** The scenario every following `/run` gets. */
  setScenario(scenario: RunpodScenario): void;
  close(): Promise<void>;
}

export async function startRunpodPeer(options: { apiKey: string; endpointId: string }): Promise<RunpodPeer> {
  const calls: RecordedCall[] = [];
  const jobs = new Map<string, PeerJob>();
  let scenario: RunpodScenario = { steps: [{ status: 'IN_QUEUE', polls: Infinity }] };
  let runFailuresLeft: NonNullable<RunpodScenario['runFailures']> = [];

  const statusBody = (job: PeerJob) => {
    if (job.cancelled) return { id: job.id, status: 'CANCELLED' };
    const step = job.steps[job.step]!;
    return { id: job.id, delayTime: 12, executionTime: 34, ...step, polls: undefined };
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
    calls.push({ method: req.method ?? '', path, authorization: req.headers.authorization, body });
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) return sendJson(res, 401, { error: 'Unauthorized' });
    const match = /^\/v2\/([^/]+)\/(run|status|cancel)(?:\/([^/]+))?$/.exec(path);
    if (!match || match[1] !== options.endpointId) return sendJson(res, 404, { error: 'endpoint not found' });
    const [, , operation, jobId] = match;
    if (operation === 'run' && req.method === 'POST') {
      const failure = runFailuresLeft.shift();
      if (failure) return sendJson(res, failure.status, failure.body ?? { error: `HTTP ${failure.status}` }, failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});
      const job: PeerJob = { id: randomUUID(), request: body as PeerJob['request'], steps: scenario.steps, step: 0, pollsInStep: 0, cancelled: false };
      jobs.set(job.id, job);
      return sendJson(res, 200, { id: job.id, status: 'IN_QUEUE' });
    }
    const job = jobId ? jobs.get(decodeURIComponent(jobId)) : undefined;
    if (!job) return sendJson(res, 404, { error: 'job not found' });
    if (operation === 'status' && req.method === 'GET') {
      const answer = statusBody(job);
      advance(job);
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
    calls,
    jobs,
    setScenario(next) {
      scenario = next;
      runFailuresLeft = [...(next.runFailures ?? [])];
    },
    close: peer.close,
  };
}
