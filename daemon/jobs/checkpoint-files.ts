import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { unlessMissing, writeFileAtomic } from '../fs/atomic-write.js';
import type { Checkpoints } from '../pipeline/checkpoints.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SUFFIXES = ['.backend', '.source', '.staged'];

/**
 * A running job's checkpoints as files under `dir` (`DATA_DIR/jobs/`): `<id>.backend` (the backend's job
 * id), `<id>.source` (the generated image: megabytes, so a file rather than a database row) and
 * `<id>.staged` (the draft's version).
 * Each is replaced atomically, so a crash leaves the old checkpoint or the new one.
 */
export function createCheckpointFiles(dir: string): Checkpoints {
  const file = (id: string, suffix: string) => {
    if (!ID.test(id)) throw new TypeError(`Expected a job id matching ${ID} but received ${JSON.stringify(id)}`);
    return path.join(dir, `${id}${suffix}`);
  };
  const ready = mkdir(dir, { recursive: true });

  return {
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
      await Promise.all(SUFFIXES.map((suffix) => rm(file(id, suffix), { force: true })));
    },
  };
}
