import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Job } from '../../shared/api-types.js';
import { readJsonFile, unlessMissing, writeFileAtomic } from '../fs/atomic-write.js';
import type { Checkpoints } from '../pipeline/checkpoints.js';

/**
 * Persists jobs as one JSON file each under `DATA_DIR/jobs/`, so a job's status survives a restart and
 * an interrupted job can resume. Also keeps each running job's checkpoints (the generated image, the
 * staged version), so a resumed job does not pay for GPU generation twice.
 */
export interface JobStore extends Checkpoints {
  /** Loads every persisted job; call once at start. */
  load(): Promise<Job[]>;
  save(job: Job): Promise<void>;
  remove(id: string): Promise<void>;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const CHECKPOINT_SUFFIXES = ['.backend', '.source', '.staged'];

export function createFileJobStore(dir: string): JobStore {
  const file = (id: string, suffix: string) => {
    if (!ID.test(id)) throw new TypeError(`Expected a job id matching ${ID} but received ${JSON.stringify(id)}`);
    return path.join(dir, `${id}${suffix}`);
  };
  const ready = mkdir(dir, { recursive: true });

  return {
    async load() {
      await ready;
      const jobs: Job[] = [];
      for (const name of await readdir(dir)) {
        if (!name.endsWith('.json') || name.startsWith('.')) continue;
        try {
          const job = await readJsonFile<Job>(path.join(dir, name));
          if (job?.id) jobs.push(job);
        } catch {
          // A job file is only ever replaced atomically, so a bad one was damaged from outside: skip it.
        }
      }
      return jobs;
    },
    async save(job) {
      await ready;
      await writeFileAtomic(file(job.id, '.json'), JSON.stringify(job, null, 2));
    },
    async remove(id) {
      await Promise.all(['.json', ...CHECKPOINT_SUFFIXES].map((suffix) => rm(file(id, suffix), { force: true })));
    },
    async saveBackendJob(id, backendJobId) {
      await ready;
      await writeFileAtomic(file(id, '.backend'), backendJobId);
    },
    async loadBackendJob(id) {
      return (await unlessMissing(readFile(file(id, '.backend'), 'utf8')))?.trim() || undefined;
    },
    async saveSource(id, bytes) {
      await ready;
      await writeFileAtomic(file(id, '.source'), bytes);
    },
    async loadSource(id) {
      const bytes = await unlessMissing(readFile(file(id, '.source')));
      return bytes && new Uint8Array(bytes);
    },
    async saveStaged(id, version) {
      await ready;
      await writeFileAtomic(file(id, '.staged'), version);
    },
    async loadStaged(id) {
      return (await unlessMissing(readFile(file(id, '.staged'), 'utf8')))?.trim() || undefined;
    },
    async clear(id) {
      await Promise.all(CHECKPOINT_SUFFIXES.map((suffix) => rm(file(id, suffix), { force: true })));
    },
  };
}
