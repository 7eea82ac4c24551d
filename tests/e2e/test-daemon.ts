import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Actor, Job, JobsPage } from '../../shared/api-types.js';
import { loadConfig } from '../../daemon/config.js';
import { startDaemon, type DaemonOverrides, type RunningDaemon } from '../../daemon/start-daemon.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The checked-in sample actors; copied, never written. */
const SAMPLE_ACTORS = path.join(root, 'data/samples/actorsData.json');

export interface TestDaemon extends RunningDaemon {
  requestsDir: string;
  /** The daemon's actorsData.json (which may not exist yet). */
  actorsFile: string;
  /** The first page of `GET /api/jobs` of this daemon. */
  jobs(): Promise<Job[]>;
}

export interface TestDaemonOptions {
  /** What the daemon gets instead of its own parts (a test generator). */
  overrides?: DaemonOverrides;
  /** More environment variables, e.g. `{ API_TOKEN: 's3cret' }`. */
  env?: Record<string, string>;
  /** The actors file's content instead of the samples; `null` starts without an actors file. */
  actors?: Actor[] | null;
}

/**
 * Builds the web UI (so the browser tests always run the current source) and starts a daemon on
 * 127.0.0.1 with a free port, a temp DATA_DIR holding a copy of the sample actors (or the given ones),
 * a temp REQUESTS_DIR, and local storage; downloads from the loopback test peers are allowed. `close()`
 * stops it and removes the temp dirs.
 */
export async function startTestDaemon(options: TestDaemonOptions = {}): Promise<TestDaemon> {
  await promisify(execFile)(process.execPath, [path.join(root, 'web/build.mjs')]);
  const temp = await mkdtemp(path.join(os.tmpdir(), 'posterframe-e2e-'));
  const dataDir = path.join(temp, 'data');
  const requestsDir = path.join(temp, 'requests');
  await mkdir(dataDir);
  const actorsFile = path.join(dataDir, 'actorsData.json');
  if (options.actors === undefined) await copyFile(SAMPLE_ACTORS, actorsFile);
  else if (options.actors) await writeFile(actorsFile, JSON.stringify(options.actors));
  const config = loadConfig(
    {
      DATA_DIR: dataDir,
      REQUESTS_DIR: requestsDir,
      HOST: '127.0.0.1',
      PORT: '0',
      GENERATOR: 'builtin',
      STORAGE: 'local',
      LOG_LEVEL: 'silent',
      DOWNLOAD_ALLOW_PRIVATE: '127.0.0.1',
      ...options.env,
    },
    temp,
  );
  const daemon = await startDaemon(config, { shutdownGraceMs: 1000, ...options.overrides }).catch(async (error: unknown) => {
    await rm(temp, { recursive: true, force: true });
    throw error;
  });
  return {
    ...daemon,
    requestsDir,
    actorsFile,
    jobs: async () => ((await (await fetch(`${daemon.url}/api/jobs`)).json()) as JobsPage).jobs,
    async close() {
      await daemon.close();
      await rm(temp, { recursive: true, force: true });
    },
  };
}

/** Regenerates through the API and waits for the result (no `Prefer: respond-async`), to seed posters. */
export async function regenerateNow(url: string, actor: { id: number; name: string; lora_model_url: string; description: string }): Promise<void> {
  const response = await fetch(`${url}/api/actors/${actor.id}/regenerate-poster-frame`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ actor_name: actor.name, lora_model_url: actor.lora_model_url, actor_description: actor.description }),
  });
  if (response.status !== 200) throw new Error(`Expected 200 seeding a poster for ${actor.name} but received ${response.status}: ${await response.text()}`);
}
