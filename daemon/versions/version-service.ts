import type { LimitFunction } from 'p-limit';
import type { Actor, Job, PosterVersion } from '../../shared/api-types.js';
import type { VersionsApi } from '../app/app-deps.js';
import { PipelineError } from '../errors.js';
import type { InProcessJobService } from '../jobs/in-process-jobs.js';
import { versionOf } from '../pipeline/4-upload/keys.js';
import { type PublishLock, type PublishRequest, publishVersion } from '../pipeline/4-upload/publish-version.js';
import type { Storage } from '../pipeline/4-upload/storage.js';
import { deleteVersion } from '../pipeline/4-upload/upload-version.js';
import type { ActorsStore } from '../pipeline/5-save/actors-store.js';
import { isLive, type VersionRecord, type VersionRecords } from './version-records.js';

export interface VersionServiceDeps {
  jobs: Pick<InProcessJobService, 'get' | 'decide'>;
  actors: ActorsStore;
  versions: VersionRecords;
  storage: Storage;
  /** The upload stage's limit (copies run under it). */
  limit: LimitFunction;
  publishLock?: PublishLock;
}

export interface VersionService extends VersionsApi {
  /** Discards a finished preview nobody decided on, saying why (`expired`). */
  discard(jobId: string, reason?: string): Promise<Job>;
}

const PUBLICATIONS_LISTED = 50;

// Accepting and reverting are short and not tied to one HTTP request: a client that goes away mid-publish still gets it finished.
const NEVER = new AbortController().signal;

/** Preview accept/discard, history and revert over the stored versions; the publish is publishVersion's, all or nothing. */
export function createVersionService(deps: VersionServiceDeps): VersionService {
  const { jobs, actors, versions, storage } = deps;
  /** Jobs being decided right now: a second accept (or a discard) arriving meanwhile is a conflict, not a second publish. */
  const deciding = new Set<string>();

  async function decide(jobId: string, action: 'accept' | 'discard', act: (job: Job & { version: string }) => Promise<void>, reason?: string) {
    const conflict = (problem: string) => new PipelineError('conflict', `Expected a finished, undecided preview job to ${action} but job ${jobId} ${problem}`);
    if (deciding.has(jobId)) throw conflict('is being accepted or discarded right now');
    deciding.add(jobId);
    try {
      const job = await jobs.get(jobId);
      if (!job) throw new PipelineError('not_found', `No job with id "${jobId}"; GET /api/jobs lists recent jobs`);
      const problem = undecidable(job);
      if (problem) throw conflict(problem);
      await act(job as Job & { version: string });
      const decision = {
        kind: action === 'accept' ? ('accepted' as const) : ('discarded' as const),
        at: new Date().toISOString(),
        ...(reason ? { reason } : {}),
      };
      return (await jobs.decide(jobId, decision))!;
    } finally {
      deciding.delete(jobId);
    }
  }

  async function publish(request: Omit<PublishRequest, 'onSaving'>) {
    const published = await publishVersion(deps, request, NEVER);
    // The answer promises actorsData.json is updated, as the regenerate answer does.
    await actors.exported();
    return published;
  }

  async function findActor(actorId: string): Promise<Actor> {
    const actor = await actors.find(actorId);
    if (!actor) throw new PipelineError('actor_not_found', `No actor with id or name "${actorId}"; GET /api/actors lists them`);
    return actor;
  }

  return {
    accept: (jobId) =>
      decide(jobId, 'accept', async (job) => {
        await publish({ actorId: job.actor_id, actorName: job.actor_name, version: job.version, kind: 'accept', jobId });
      }),
    discard: (jobId, reason) =>
      decide(
        jobId,
        'discard',
        async (job) => {
          const record = versions.get(job.actor_id, job.version);
          const current = versionOf((await actors.find(job.actor_id))?.poster_frames);
          // Only this preview's own objects go: a version it shares with a published poster (or the current one) stays.
          if (!isLive(record) || record.state !== 'preview' || record.job_id !== jobId || current === job.version) return;
          await deleteVersion(storage, job.actor_name, job.version);
          versions.setState(job.actor_id, job.version, 'discarded');
        },
        reason,
      ),
    async history(actorId) {
      const actor = await findActor(actorId);
      const current = versionOf(actor.poster_frames);
      const id = String(actor.id);
      const publications = versions.publications(id, PUBLICATIONS_LISTED).map(({ version, previous, kind, job_id, at }) => ({
        version,
        ...(previous ? { previous_version: previous } : {}),
        kind,
        ...(job_id ? { job_id } : {}),
        at,
      }));
      return { actor_id: id, versions: versions.list(id).map((record) => posterVersion(record, current)), publications };
    },
    async revert(actorId, version) {
      const actor = await findActor(actorId);
      const id = String(actor.id);
      const record = versions.get(id, version);
      if (!isLive(record)) throw new PipelineError('not_found', `Actor ${id} has no version "${version}"; GET /api/actors/${id}/history lists them`);
      if (record.state === 'preview') {
        throw new PipelineError(
          'conflict',
          `Expected a published version to revert to but version ${version} is an undecided preview; accept it with POST /api/jobs/${record.job_id}/accept`,
        );
      }
      const { actor: published, previous } = await publish({ actorId: id, actorName: actor.name, version, kind: 'revert' });
      return { success: true, actor_id: id, version, ...(previous ? { previous_version: previous } : {}), poster_frames: published.poster_frames! };
    },
  };
}

/** Why a job cannot be accepted or discarded now, or undefined when it can. */
function undecidable(job: Job): string | undefined {
  if (job.mode !== 'preview') return 'is a publish job (its poster is published already)';
  if (job.decision) return `was already ${job.decision.kind} at ${job.decision.at}`;
  if (job.status !== 'done') return `is ${job.status}${job.status === 'failed' ? ' and has no version' : ''}`;
  if (!job.version) return 'has no recorded version (it ran before versions existed)';
  return undefined;
}

function posterVersion(record: VersionRecord, current: string | undefined): PosterVersion {
  const { params } = record;
  return {
    version: record.version,
    actor_id: record.actor_id,
    ...(record.job_id ? { job_id: record.job_id } : {}),
    created_at: record.created_at,
    state: record.state,
    current: record.version === current,
    ...(params.seed === undefined ? {} : { seed: params.seed }),
    ...(params.style === undefined ? {} : { style: params.style }),
    params,
    ...(record.backend ? { backend: record.backend } : {}),
    ...(record.source ? { source: record.source } : {}),
    poster_frames: record.poster_frames,
    ...(record.placeholder ? { placeholder: record.placeholder } : {}),
  };
}
