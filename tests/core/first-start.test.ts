import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor, ServerInfo } from '../../shared/api-types.js';
import { requestFor } from '../support/sample-actors.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';
import { tempDir } from '../support/temp-dir.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLES = path.join(REPO, 'data', 'samples', 'actorsData.json');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const getJson = async <T>(url: string): Promise<T> => (await fetch(url)).json() as Promise<T>;

async function regenerate(daemon: TestDaemon, actor: Actor): Promise<void> {
  const response = await fetch(`${daemon.url}/api/actors/${actor.id}/regenerate-poster-frame`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(requestFor(actor)),
  });
  expect(response.status).toBe(200);
}

/** A git checkout holding what the repository tracks of data/ and requests/, under its real .gitignore. */
async function checkoutOfDataLayout(root: string): Promise<void> {
  await mkdir(path.join(root, 'data', 'samples'), { recursive: true });
  await cp(SAMPLES, path.join(root, 'data', 'samples', 'actorsData.json'));
  await mkdir(path.join(root, 'requests'));
  await cp(path.join(REPO, 'requests', '.gitkeep'), path.join(root, 'requests', '.gitkeep'));
  await cp(path.join(REPO, '.gitignore'), path.join(root, '.gitignore'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'checkout');
}

const gitStatus = (root: string) => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });

describe('first start', () => {
  it('copies the sample actors into the default data layout and keeps the checkout clean through regenerations', async () => {
    const root = await tempDir();
    cleanups.push(root.remove);
    await checkoutOfDataLayout(root.path);

    const daemon = await startTestDaemon({ root: root.path });
    cleanups.push(daemon.close);
    const samples: Actor[] = JSON.parse(await readFile(SAMPLES, 'utf8'));
    expect(await getJson<Actor[]>(`${daemon.url}/api/actors`)).toEqual(samples);
    expect(await getJson<ServerInfo>(`${daemon.url}/api/info`)).toStrictEqual({
      generator: { kind: 'builtin', uses_lora: false, typical_seconds: 1 },
      storage: 'local',
      actors: { count: samples.length, file_present: true },
      api_token_required: false,
    });

    for (const actor of [samples[0]!, samples[1]!, samples[0]!]) await regenerate(daemon, actor);
    expect((await getJson<Actor[]>(`${daemon.url}/api/actors`))[0]!.poster_frames).toBeDefined();
    expect(gitStatus(root.path)).toBe('');
  });

  it('shows a data folder without an actors file as empty, and says so in /api/info', async () => {
    const daemon = await startTestDaemon({ env: { API_TOKEN: 'secret' } });
    cleanups.push(daemon.dispose);
    expect(await getJson(`${daemon.url}/api/actors`)).toEqual([]);
    expect(await getJson<ServerInfo>(`${daemon.url}/api/info`)).toMatchObject({
      actors: { count: 0, file_present: false },
      api_token_required: true,
    });
  });
});
