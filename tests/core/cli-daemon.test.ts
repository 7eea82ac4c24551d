import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Job, JobsPage } from '../../shared/api-types.js';
import { acquireFileLock } from '../../daemon/fs/file-lock.js';
import { startRunpodPeer, type RunpodPeer } from '../peers/runpod-peer.js';
import { builtinPosterPng } from '../support/builtin-poster.js';
import { runCli, startCli } from '../support/run-cli.js';
import { sampleActors, writeActorsFile } from '../support/sample-actors.js';
import { openSse } from '../support/sse-client.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The CLI and the daemon as one system (issue 8), with real processes: the CLI submits to a running
 * daemon; run alone, it holds DATA_DIR's lock and a daemon started meanwhile never runs its jobs a
 * second time; publishing an actor waits for another process publishing it.
 */

const API_KEY = 'rp_test_key';
const ENDPOINT = 'poster-endpoint';
const actors = sampleActors(3);
let runpod: RunpodPeer;
let posterPng: string;
let dir: Awaited<ReturnType<typeof tempDir>>;
let dataDir: string;
let daemon: TestDaemon | undefined;

beforeAll(async () => {
  runpod = await startRunpodPeer({ apiKey: API_KEY, endpointId: ENDPOINT });
  posterPng = Buffer.from(await builtinPosterPng(actors[0]!.name)).toString('base64');
});
afterAll(() => runpod?.close());
beforeEach(async () => {
  dir = await tempDir();
  dataDir = path.join(dir.path, 'data');
  await mkdir(dataDir, { recursive: true });
  await writeActorsFile(dataDir, actors);
});
afterEach(async () => {
  await daemon?.close();
  daemon = undefined;
  await dir.remove();
});

const cliEnv = (extra: Record<string, string> = {}) => ({ DATA_DIR: dataDir, REQUESTS_DIR: path.join(dir.path, 'requests'), ...extra });
const runpodEnv = {
  GENERATOR: 'runpod',
  RUNPOD_API_KEY: API_KEY,
  RUNPOD_ENDPOINT_ID: ENDPOINT,
  RUNPOD_BASE_URL: '', // set once the peer runs
  RUNPOD_POLL_INTERVAL_MS: '20',
  RUNPOD_PRESIGN_LORA: 'false',
};
const withRunpod = () => ({ ...runpodEnv, RUNPOD_BASE_URL: runpod.baseUrl });
const runCalls = () => runpod.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/run')).length;
/** RunPod jobs stay IN_PROGRESS until `finishGpuJobs()`. */
const holdGpuJobs = () =>
  runpod.setScenario({
    steps: [
      { status: 'IN_PROGRESS', polls: Infinity },
      { status: 'COMPLETED', output: { image: posterPng } },
    ],
  });
const finishGpuJobs = () => {
  runpod.setScenario({ steps: [{ status: 'COMPLETED', output: { image: posterPng } }] });
  for (const job of runpod.jobs.values()) job.step = job.steps.length - 1;
};

async function jobsOf(running: TestDaemon): Promise<Job[]> {
  return ((await (await fetch(`${running.url}/api/jobs`)).json()) as JobsPage).jobs;
}

/** Polls `probe` until it answers something other than false or undefined. */
async function until<T>(probe: () => Promise<T | false | undefined> | T | false | undefined, what: string): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const value = await probe();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(`Timed out waiting until ${what}`);
}

describe('the CLI with a daemon serving the same DATA_DIR', () => {
  it('submits to the daemon: the job is in GET /api/jobs and on its SSE feed, and stdout is the same JSON', async () => {
    daemon = await startTestDaemon({ root: dir.path, env: { API_TOKEN: 'cli-token' } });
    expect(JSON.parse(await readFile(path.join(dataDir, 'daemon.json'), 'utf8'))).toMatchObject({ url: daemon.url, pid: process.pid });
    const sse = await openSse(`${daemon.url}/api/events`);

    const { code, stdout, stderr } = await runCli(['0002_test_21_male', '--seed', '5'], cliEnv({ API_TOKEN: 'cli-token' }));

    expect({ code, stderr }).toMatchObject({ code: 0, stderr: expect.stringContaining(`Submitting to the daemon at ${daemon.url}`) });
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ success: true, actor_id: '2', actor_name: '0002_test_21_male', message: 'Poster frame regenerated successfully' });
    const [job] = await jobsOf(daemon);
    expect(job).toMatchObject({ source: 'cli', actor_id: '2', status: 'done', request: { params: { seed: 5 } }, owner: { pid: process.pid } });
    expect(job!.result).toEqual(result);
    const done = await sse.nextMatching(
      (frame) => frame.event === 'job' && JSON.parse(frame.data!).id === job!.id && JSON.parse(frame.data!).status === 'done',
    );
    expect(JSON.parse(done.data!).result).toEqual(result);
    await sse.close();

    await daemon.close();
    daemon = undefined;
    await expect(readFile(path.join(dataDir, 'daemon.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 90_000);
});

describe('the CLI without a daemon', () => {
  it('keeps its jobs when a daemon starts during a --all run: every actor is generated once', async () => {
    holdGpuJobs();
    const runsBefore = runCalls();
    const cli = startCli(['--all'], cliEnv(withRunpod()));
    await until(() => runCalls() - runsBefore === actors.length, 'the CLI submitted every actor to the GPU');

    daemon = await startTestDaemon({ root: dir.path, env: withRunpod() });
    // It lists the CLI's jobs (one library.db) but leaves them to the CLI that runs them.
    for (const job of await jobsOf(daemon)) expect(job).toMatchObject({ source: 'cli', owner: { pid: cli.pid } });
    finishGpuJobs();

    const { code, stdout } = await cli.exited;
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((outcome: { success: boolean }) => outcome.success)).toEqual([true, true, true]);
    // Once the CLI released DATA_DIR's lock, the daemon lists its finished jobs, still owned by the CLI.
    const adopted = await until(async () => {
      const jobs = await jobsOf(daemon!);
      return jobs.length === actors.length && jobs;
    }, 'the daemon lists the CLI jobs');
    for (const job of adopted) expect(job).toMatchObject({ source: 'cli', status: 'done', owner: { pid: cli.pid } });
    expect(runCalls() - runsBefore).toBe(actors.length);
  }, 90_000);

  it('leaves a killed run to the daemon, which resumes and finishes its jobs', async () => {
    holdGpuJobs();
    const runsBefore = runCalls();
    const cli = startCli(['1'], cliEnv(withRunpod()));
    await until(() => runCalls() - runsBefore === 1, 'the CLI submitted to the GPU');
    daemon = await startTestDaemon({ root: dir.path, env: withRunpod() });
    expect(await jobsOf(daemon)).toMatchObject([{ source: 'cli', owner: { pid: cli.pid } }]);

    cli.kill('SIGKILL');
    await cli.exited;
    finishGpuJobs();
    const job = await until(async () => {
      const [first] = await jobsOf(daemon!);
      return first?.status === 'done' && first;
    }, 'the daemon finished the orphaned job');
    expect(job).toMatchObject({ source: 'cli', actor_id: '1', owner: { pid: process.pid } });
    const saved = JSON.parse(await readFile(daemon.actorsFile, 'utf8'));
    expect(saved[0].poster_frames).toEqual(job.result!.poster_frames);
  }, 90_000);

  it('publishes an actor only once no other process is publishing it', async () => {
    const before = await readFile(path.join(dataDir, 'actorsData.json'), 'utf8');
    // This test process plays the other publisher of actor 1.
    await mkdir(path.join(dataDir, 'locks'));
    const publishing = await acquireFileLock(path.join(dataDir, 'locks', `publish-${actors[0]!.name}.lock`));
    const cli = startCli(['1'], cliEnv());
    await cli.stderrIncludes('publishing');
    await sleep(300);
    expect(await readFile(path.join(dataDir, 'actorsData.json'), 'utf8')).toBe(before);
    await publishing.release();

    const { code, stdout } = await cli.exited;
    expect(code).toBe(0);
    const saved = JSON.parse(await readFile(path.join(dataDir, 'actorsData.json'), 'utf8'));
    expect(saved[0].poster_frames).toEqual(JSON.parse(stdout).poster_frames);
  }, 90_000);
});
