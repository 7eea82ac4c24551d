import type { LimitFunction } from 'p-limit';
import type { Actor, PosterSize } from '../../../shared/api-types.js';
import { messageOf, PipelineError } from '../../errors.js';
import { isLive, type PublicationKind, type VersionRecords } from '../../versions/version-records.js';
import type { ActorsStore } from '../5-save/actors-store.js';
import { inStage } from '../in-stage.js';
import { historyKey, posterFrames, posterKey, SIZES, versionOf } from './keys.js';
import { pruneVersions } from '../../versions/prune-versions.js';
import { rememberCanonical, type RestoreSize } from './remember-canonical.js';
import type { Storage } from './storage.js';

/** Runs `publish` holding the actor's publish lock (see PipelineDeps.publishLock). */
export type PublishLock = <T>(actorName: string, publish: () => Promise<T>, signal: AbortSignal) => Promise<T>;

export interface PublishDeps {
  storage: Storage;
  actors: ActorsStore;
  versions: VersionRecords;
  /** The upload stage's limit: the three copies run under it. */
  limit: LimitFunction;
  publishLock?: PublishLock;
  /** Versions kept per actor (VERSIONS_KEEP): older published ones are pruned after each publish. Absent: all kept. */
  retention?: number;
  now?: () => Date;
}

export interface PublishRequest {
  actorId: string;
  actorName: string;
  version: string;
  kind: PublicationKind;
  jobId?: string;
  /** Called between the copies and the actorsData.json update, for progress. */
  onSaving?: () => void;
}

export interface Published {
  actor: Actor;
  /** The version it replaced; absent when the actor had no versioned poster. */
  previous?: string;
}

// Once begun, a publish runs to its end or to its rollback: a shutdown waits for it instead of leaving
// the canonical keys half copied (a kill -9 still can; the resumed job then copies again).
const UNINTERRUPTED = new AbortController().signal;

/**
 * Puts a stored version over the canonical keys and points the actor at it — all or nothing. If a
 * copy or the actorsData.json update fails, the canonical keys are restored to what they held before
 * (the previous version, first adopted into history when it has no copy there) and the error says so;
 * the published `?v=` therefore always names the bytes at the canonical keys. The publication is
 * recorded, with the version it replaced, so it can be undone by a revert.
 *
 * @throws PipelineError: `not_found` for a version with no stored objects, `actor_not_found`, and the
 *   failing step's own error (`storage_failed`, `actors_file_corrupt`…) after the rollback.
 */
export async function publishVersion(deps: PublishDeps, request: PublishRequest, signal: AbortSignal): Promise<Published> {
  const lock = deps.publishLock ?? ((_, publish) => publish());
  return lock(request.actorName, () => publishLocked(deps, request), signal);
}

async function publishLocked(deps: PublishDeps, request: PublishRequest): Promise<Published> {
  const { storage, actors, versions } = deps;
  const { actorId, actorName, version } = request;
  const record = versions.get(actorId, version);
  if (!isLive(record))
    throw new PipelineError('not_found', `Actor ${actorId} has no stored version "${version}"; GET /api/actors/${actorId}/history lists them`);
  const current = await inStage('saving', 'internal_error', UNINTERRUPTED, () => actors.find(actorId));
  if (!current) throw new PipelineError('actor_not_found', `No actor with id "${actorId}"; check the id against GET /api/actors`);
  const previous = versionOf(current.poster_frames);
  const at = (deps.now?.() ?? new Date()).toISOString();

  const restore = await inStage('uploading', 'storage_failed', UNINTERRUPTED, () => rememberCanonical(deps, current, previous, at));
  const frames = { ...posterFrames(storage, actorName, version), ...(record.placeholder ? { placeholder: record.placeholder } : {}) };
  const copied: PosterSize[] = [];
  try {
    await inStage('uploading', 'storage_failed', UNINTERRUPTED, () => copyAll(deps, actorName, version, copied));
    request.onSaving?.();
    const actor = await inStage('saving', 'internal_error', UNINTERRUPTED, () =>
      actors.update(actorId, (entry) => ({ ...entry, poster_frames: frames, poster_updated_at: at })),
    );
    versions.published({ actor_id: actorId, version, previous, kind: request.kind, job_id: request.jobId, at });
    // Best effort, still under the lock: a version left over by a failed prune goes at the next publish.
    if (deps.retention) await pruneVersions(deps, { id: actorId, name: actorName, current: version }, deps.retention).catch(() => {});
    return { actor, previous };
  } catch (error) {
    throw await rolledBack(error as PipelineError, { version, previous, copied, restore });
  }
}

/**
 * Restores what the copies replaced and says so in the failure. A size whose copy failed is restored
 * too (a failed request may still have been applied), but a failure there is expected — the same fault
 * usually persists — and harmless, since the key then most likely still holds its old bytes.
 */
async function rolledBack(
  failure: PipelineError,
  rollback: { version: string; previous?: string; copied: PosterSize[]; restore: RestoreSize },
): Promise<PipelineError> {
  const { version, previous, copied, restore } = rollback;
  const restores = await Promise.allSettled(SIZES.map((size) => restore(size)));
  const failedRestore = restores.find((outcome, index) => outcome.status === 'rejected' && copied.includes(SIZES[index]!));
  const outcome = failedRestore
    ? `restoring the published poster failed too (${messageOf((failedRestore as PromiseRejectedResult).reason)}); publish again to repair it`
    : previous
      ? `the published poster was restored to version ${previous}`
      : 'the canonical keys were cleared again';
  const error = new PipelineError(failure.code, `Publishing version ${version} failed, so ${outcome}: ${failure.message}`, {
    cause: failure,
    details: failure.details,
  });
  error.stage = failure.stage;
  return error;
}

/** Copies every size, noting each that succeeded; waits for all (a rollback must never race a copy in flight), then throws the first failure. */
async function copyAll(deps: PublishDeps, actorName: string, version: string, copied: PosterSize[]): Promise<void> {
  const copies = await Promise.allSettled(
    SIZES.map((size) =>
      deps.limit(async () => {
        await deps.storage.copy(historyKey(actorName, version, size), posterKey(actorName, size));
        copied.push(size);
      }),
    ),
  );
  const failed = copies.find((copy) => copy.status === 'rejected');
  if (failed) throw failed.reason;
}
