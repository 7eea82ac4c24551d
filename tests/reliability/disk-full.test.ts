import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor, JobsPage } from '../../shared/api-types.js';
import { persistedJob } from '../support/job-records.js';
import { requestFor, sampleActors } from '../support/sample-actors.js';
import { startTestDaemon } from '../support/start-test-daemon.js';
import { countingGenerator } from '../support/counting-generator.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Issue 12's disk full: DATA_DIR on a 640 KiB tmpfs (mounted for the test; root only, skipped
 * elsewhere), filled until a few KiB are left, so the job fails and even its failure cannot be written.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function mountSmallDisk(dir: string): boolean {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=640k', 'tmpfs', dir]).status === 0;
  if (mounted) cleanups.push(() => void spawnSync('umount', ['-l', dir]));
  return mounted;
}

const canMount = await (async () => {
  const probe = await tempDir();
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe.path]).status === 0;
  if (ok) spawnSync('umount', [probe.path]);
  await probe.remove();
  return ok;
})();

/** Leaves `kib` KiB free on the filesystem holding `dir`, with a ballast file. */
function fillDisk(dir: string, kib: number): string {
  const ballast = path.join(dir, 'ballast');
  const free = Number(spawnSync('df', ['-k', '--output=avail', dir]).stdout.toString().trim().split('\n')[1]);
  spawnSync('fallocate', ['-l', String((free - kib) * 1024), ballast]);
  return ballast;
}

describe('a full disk', () => {
  // Never a silent skip: the suite runs as root here and in CI, where mounting a tmpfs works.
  beforeAll(() => {
    if (!canMount) throw new Error('Expected to mount a tmpfs (run the reliability suite as root, as .ci/run does) but mount was refused');
  });

  it('ends the job in one recorded terminal state once space returns, and the next start does not run it again', async () => {
    const root = await tempDir();
    cleanups.push(root.remove);
    const dataDir = path.join(root.path, 'data');
    await mkdir(dataDir);
    expect(mountSmallDisk(dataDir)).toBe(true);
    const actors = sampleActors(1);
    const counting = countingGenerator();
    const first = await startTestDaemon({ root: root.path, actors, overrides: { generator: counting.generator } });
    cleanups.push(() => first.close());
    const ballast = fillDisk(dataDir, 4);

    const response = await fetch(`${first.url}/api/actors/1/regenerate-poster-frame`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(requestFor(actors[0]!)),
    });
    const body = await response.json();
    expect(response.status).toBe(500);
    expect(body.message).toMatch(/disk is full.*ENOSPC/);
    const [job] = ((await (await fetch(`${first.url}/api/jobs`)).json()) as JobsPage).jobs;
    expect(job).toMatchObject({ status: 'failed' });
    const record = () => persistedJob(dataDir, job!.id)?.status ?? 'missing';
    expect(await record()).not.toBe('failed');

    await rm(ballast);
    await vi.waitFor(async () => expect(await record()).toBe('failed'), { timeout: 15_000, interval: 100 });
    await first.close();

    const second = await startTestDaemon({ root: root.path, overrides: { generator: counting.generator } });
    cleanups.push(() => second.close());
    const { jobs } = (await (await fetch(`${second.url}/api/jobs`)).json()) as JobsPage;
    expect(jobs.map((j) => [j.id, j.status])).toEqual([[job!.id, 'failed']]);
    expect(counting.count).toBe(1);
    const saved = JSON.parse(await readFile(path.join(dataDir, 'actorsData.json'), 'utf8')) as Actor[];
    expect(saved[0]!.poster_frames).toBeUndefined();
  });
});
