import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../shared/api-types.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import { openLibrary, type Library } from './open-library.js';

const job = (id: string, status: Job['status']): Job =>
  ({
    id,
    source: 'api',
    mode: 'publish',
    actor_id: '1',
    actor_name: 'a',
    status,
    stage: 'queued',
    percent: 0,
    created_at: `2026-01-01T00:00:0${id.at(-1)}Z`,
    updated_at: '2026-01-01T00:00:09Z',
    request: { actor_name: 'a', lora_model_url: 's3://m/a.safetensors' },
  }) as Job;

let dir: Awaited<ReturnType<typeof tempDir>>;
let library: Library | undefined;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await library?.close();
  await dir.remove();
});
const open = () => (library = openLibrary({ dataDir: dir.path, actorsFile: path.join(dir.path, 'actorsData.json') }));

describe('job records in the library', () => {
  it("moves an older install's jobs/*.json into the database and keeps their checkpoint files", async () => {
    const jobsDir = path.join(dir.path, 'jobs');
    await mkdir(jobsDir);
    await writeFile(path.join(jobsDir, 'job_1.json'), JSON.stringify(job('job_1', 'queued')));
    await writeFile(path.join(jobsDir, 'job_2.json'), JSON.stringify(job('job_2', 'done')));
    await writeFile(path.join(jobsDir, 'job_3.json'), '{ damaged');
    await writeFile(path.join(jobsDir, 'job_1.source'), 'image bytes');
    const { jobs, checkpoints } = open();
    expect([(await jobs.get('job_1'))?.status, (await jobs.get('job_2'))?.status]).toEqual(['queued', 'done']);
    expect(await readdir(jobsDir)).toEqual(['job_1.source']);
    expect(new TextDecoder().decode(await checkpoints.loadSource('job_1'))).toBe('image bytes');
  });

  it('saves, replaces and removes a record (with its checkpoints), and keeps it across a reopen', async () => {
    const { jobs, checkpoints } = open();
    await jobs.save(job('job_1', 'queued'));
    await jobs.save({ ...job('job_1', 'running'), stage: 'encoding' });
    await jobs.save(job('job_2', 'queued'));
    await checkpoints.saveStaged('job_2', 'abc');
    await jobs.remove('job_2');
    expect(await checkpoints.loadStaged('job_2')).toBeUndefined();
    await library!.close();
    expect((await open().jobs.loadUnfinished()).map((j) => [j.id, j.status, j.stage])).toEqual([['job_1', 'running', 'encoding']]);
  });
});
