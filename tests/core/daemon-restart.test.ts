import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor, Job, JobsPage } from '../../shared/api-types.js';
import type { Generator } from '../../daemon/pipeline/1-generate/generator.js';
import { persistedJob } from '../support/job-records.js';
import { requestFor, sampleActors } from '../support/sample-actors.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';
import { tempDir } from '../support/temp-dir.js';

/** A backend that never answers until the job is aborted, like a GPU queue during shutdown. */
const hanging: Generator = {
  name: 'hanging',
  generate: ({ signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('shutdown and restart', () => {
  it('a job interrupted by shutdown is left resumable, the waiting client hears 503, and the next start finishes it', async () => {
    const root = await tempDir();
    cleanups.push(root.remove);
    const actors = sampleActors(2);
    const first: TestDaemon = await startTestDaemon({ root: root.path, actors, overrides: { generator: hanging, shutdownGraceMs: 50 } });

    const waiting = fetch(`${first.url}/api/actors/1/regenerate-poster-frame`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(requestFor(actors[0]!)),
    });
    const job = await waitFor(async () => {
      const page: JobsPage = await (await fetch(`${first.url}/api/jobs`)).json();
      return page.jobs[0];
    }, 'the job to be listed');
    const before = await readFile(first.actorsFile, 'utf8');
    const [response] = await Promise.all([waiting, first.close()]);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ success: false, error: 'shutting_down' });
    expect(await readFile(first.actorsFile, 'utf8')).toBe(before);

    expect(persistedJob(first.dataDir, job.id)?.status).toBe('queued');

    const second = await startTestDaemon({ root: root.path });
    cleanups.push(second.close);
    const finished = await waitFor(async () => {
      const resumed: Job = await (await fetch(`${second.url}/api/jobs/${job.id}`)).json();
      return resumed.status === 'done' || resumed.status === 'failed' ? resumed : undefined;
    }, 'the resumed job to finish');
    expect(finished.status).toBe('done');
    const saved: Actor[] = JSON.parse(await readFile(second.actorsFile, 'utf8'));
    expect(saved[0]!.poster_frames).toEqual(finished.result!.poster_frames);
  });

  it('a request file left in processing/ by a crash is finished at the next start', async () => {
    const root = await tempDir();
    cleanups.push(root.remove);
    const actors = sampleActors(1);
    const first = await startTestDaemon({ root: root.path, actors });
    await first.close();
    await writeFile(path.join(first.requestsDir, 'processing', 'left-behind.json'), JSON.stringify({ actor_id: 1, ...requestFor(actors[0]!) }));

    const second = await startTestDaemon({ root: root.path });
    cleanups.push(second.close);
    const result = await waitFor(
      () => readFile(path.join(second.requestsDir, 'done', 'left-behind.result.json'), 'utf8').then(JSON.parse, () => undefined),
      'the left-behind request to be done',
    );
    expect(result).toMatchObject({ success: true, actor_id: '1', actor_name: actors[0]!.name });
  });
});
