import type { GenerationParams, JobSource, PosterFrames, VersionState } from '../../shared/api-types.js';

/** One stored poster version of an actor, as the library keeps it (see PosterVersion for the wire shape). */
export interface VersionRecord {
  actor_id: string;
  version: string;
  /** The job that generated it (absent for a legacy poster adopted into history). */
  job_id?: string;
  created_at: string;
  params: GenerationParams;
  backend?: string;
  source?: JobSource;
  /** The version's own immutable URLs (its history keys). */
  poster_frames: PosterFrames;
  placeholder?: string;
  state: VersionState;
}

/** What put a version over the canonical keys. */
export type PublicationKind = 'publish' | 'accept' | 'revert';

/** One publish of a version, and the version it replaced (absent: the actor had none). */
export interface Publication {
  actor_id: string;
  version: string;
  previous?: string;
  kind: PublicationKind;
  job_id?: string;
  at: string;
}

/**
 * The versions an actor has in storage, and the record of what was published when. Calls are short
 * local transactions (the library database), hence synchronous.
 */
export interface VersionRecords {
  get(actorId: string, version: string): VersionRecord | undefined;
  /**
   * Records a freshly stored version in state `preview` — or revives a `discarded` one with the same
   * content. A live record of the same content (an identical poster generated again) is kept as it is.
   * @returns true when this call created (or revived) the record, so its objects are this job's to remove.
   */
  stage(record: VersionRecord): boolean;
  setState(actorId: string, version: string, state: VersionState): void;
  /** Marks the version published and appends the publication, in one transaction. */
  published(publication: Publication): void;
  /** The actor's versions that still have objects (not discarded), newest first. */
  list(actorId: string): VersionRecord[];
  /** Forgets a version whose objects are gone (pruned by retention). */
  remove(actorId: string, version: string): void;
  /** The actor's publications, newest first. */
  publications(actorId: string, limit: number): Publication[];
  /** Versions still in state `preview` created before `before` (ISO time), oldest first. */
  previewsBefore(before: string): VersionRecord[];
}

/** Whether the record exists and still has its objects. */
export const isLive = (record: VersionRecord | undefined): record is VersionRecord => record !== undefined && record.state !== 'discarded';
