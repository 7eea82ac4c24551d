import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from '../../shared/api-types.js';
import { PipelineError } from '../errors.js';
import { isTerminal } from '../jobs/job-service.js';
import type { DaemonClient } from './daemon-client.js';

export interface JobFollower {
  /** Resolves once the event stream is open: submit after this, and no event of the job is missed. */
  connected: Promise<void>;
  /** Resolves with the jobs once every one is done or failed, in the order given. */
  finished(ids: string[]): Promise<Job[]>;
  close(): void;
}

const RETRY_MS = 1000;
/** Consecutive failed reconnects before the daemon counts as gone (its jobs resume at its next start). */
const MAX_FAILURES = 15;

/**
 * Follows jobs on a daemon through its SSE feed, reconnecting with Last-Event-ID when the stream drops.
 * After every (re)connect, and on a `reset` event, it reads the jobs it still waits for, so a terminal
 * event lost in a gap (or sent before the job's id was known here) is never waited for forever.
 */
export function followJobs(client: DaemonClient, url: string, onProgress: (job: Job) => void): JobFollower {
  const controller = new AbortController();
  const latest = new Map<string, Job>();
  const wanted = new Set<string>();
  const ended = (id: string) => {
    const job = latest.get(id);
    return job !== undefined && isTerminal(job);
  };
  let onConnected!: () => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const allEnded = deferred();
  let lastEventId: string | undefined;

  function seen(job: Job): void {
    if (ended(job.id)) return;
    latest.set(job.id, job);
    if (!wanted.has(job.id)) return;
    onProgress(job);
    if ([...wanted].every(ended)) allEnded.resolve();
  }

  const sweep = () => Promise.all([...wanted].filter((id) => !ended(id)).map((id) => client.job(id).then(seen, () => undefined)));

  async function listen(): Promise<void> {
    for (let failures = 0; !controller.signal.aborted; await sleep(RETRY_MS)) {
      try {
        let opened = false;
        for await (const frame of client.events(lastEventId, controller.signal)) {
          if (!opened) {
            opened = true;
            failures = 0;
            onConnected();
            void sweep();
          }
          if (frame.id) lastEventId = frame.id;
          if (frame.event === 'job' && frame.data) seen(JSON.parse(frame.data) as Job);
          if (frame.event === 'reset') void sweep();
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        if (++failures < MAX_FAILURES) continue;
        allEnded.reject(
          new PipelineError('shutting_down', `Lost the daemon at ${url} before its jobs finished (${String(error)}); they resume when it starts again.`),
        );
        onConnected(); // a caller waiting to submit learns of the failure through finished()
        return;
      }
    }
  }
  void listen();
  allEnded.promise.catch(() => undefined); // read through finished(); not unhandled before that

  return {
    connected,
    async finished(ids) {
      for (const id of ids) wanted.add(id);
      for (const id of ids) if (latest.has(id)) onProgress(latest.get(id)!);
      if ([...wanted].every(ended)) allEnded.resolve();
      void sweep();
      await allEnded.promise;
      return ids.map((id) => latest.get(id)!);
    },
    close: () => controller.abort(),
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
