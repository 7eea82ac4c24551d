import type { Job } from '../../shared/api-types.js';
import { isTerminal } from '../jobs/job-service.js';
import { versionOf } from '../pipeline/4-upload/keys.js';
import type { Storage } from '../pipeline/4-upload/storage.js';
import { deleteVersion } from '../pipeline/4-upload/upload-version.js';
import type { ActorsStore } from '../pipeline/5-save/actors-store.js';
import type { VersionRecords } from './version-records.js';

export interface ExpiryDeps {
  versions: VersionRecords;
  storage: Storage;
  actors: Pick<ActorsStore, 'find'>;
  jobs: { get(id: string): Promise<Job | undefined> };
  /** Discards a finished preview, recording why (the version service's discard). */
  discard(jobId: string, reason: string): Promise<unknown>;
}

/**
 * Discards previews left undecided since before `before`: the job's decision says `expired`. A
 * version still in state `preview` whose job is gone or ended without leaving a preview to decide
 * (cancelled, failed, forgotten) is removed too, or marked published when it is the actor's current
 * poster. Versions of jobs still queued or running are left alone.
 *
 * @returns how many versions it discarded or removed
 */
export async function expirePreviews(deps: ExpiryDeps, before: Date): Promise<number> {
  let expired = 0;
  for (const record of deps.versions.previewsBefore(before.toISOString())) {
    const job = record.job_id ? await deps.jobs.get(record.job_id) : undefined;
    if (job && !isTerminal(job)) continue;
    if (job?.mode === 'preview' && job.status === 'done' && !job.decision && job.version === record.version) {
      // Decided meanwhile (a 409): nothing left to expire.
      if (
        await deps.discard(job.id, 'expired').then(
          () => true,
          () => false,
        )
      )
        expired++;
      continue;
    }
    const actor = await deps.actors.find(record.actor_id);
    if (!actor) continue; // its folder's name is unknown now; kept until the actor is back
    if (versionOf(actor.poster_frames) === record.version) {
      deps.versions.setState(record.actor_id, record.version, 'published');
      continue;
    }
    await deleteVersion(deps.storage, actor.name, record.version);
    deps.versions.setState(record.actor_id, record.version, 'discarded');
    expired++;
  }
  return expired;
}

/**
 * Runs expirePreviews at start and then every tenth of the expiry age (at most every 10 minutes), so a
 * preview is discarded soon after it turns `expiryMs` old. Returns the stop function, which waits for
 * a sweep in progress.
 */
export function startPreviewExpiry(deps: ExpiryDeps, expiryMs: number, onSwept: (expired: number, error?: unknown) => void): () => Promise<void> {
  let sweeping: Promise<void> = Promise.resolve();
  const sweep = () => {
    sweeping = sweeping.then(() =>
      expirePreviews(deps, new Date(Date.now() - expiryMs)).then(
        (expired) => onSwept(expired),
        (error: unknown) => onSwept(0, error),
      ),
    );
  };
  sweep();
  const timer = setInterval(sweep, Math.max(1000, Math.min(expiryMs / 10, 10 * 60_000)));
  timer.unref();
  return async () => {
    clearInterval(timer);
    await sweeping;
  };
}
