import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildDaemon } from '../tests/support/build-daemon.js';
import { type ChildDaemon, startChildDaemon } from '../tests/support/child-daemon.js';
import { tempDir } from '../tests/support/temp-dir.js';

const ACTORS = [
  { id: 1, name: 'Ada Vale', description: 'red coat' },
  { id: 2, name: 'Bo Lind', description: 'grey hat' },
];

/** `npm start` runs the bundle daemon/build.mjs makes; it must behave as the TypeScript source does. */
describe('the daemon bundle (npm start)', () => {
  let daemon: ChildDaemon | undefined;
  let cleanup: (() => Promise<void>) | undefined;

  beforeAll(buildDaemon, 60_000);
  afterEach(async () => {
    await daemon?.stop();
    await cleanup?.();
    daemon = undefined;
  });

  async function start(env: Record<string, string>): Promise<string> {
    const dir = await tempDir();
    cleanup = dir.remove;
    const dataDir = path.join(dir.path, 'data');
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, 'actorsData.json'), JSON.stringify(ACTORS));
    daemon = await startChildDaemon({ DATA_DIR: dataDir, REQUESTS_DIR: path.join(dir.path, 'requests'), ...env }, { bundle: true });
    return daemon.url;
  }

  it('serves the actors and the web UI (web/dist is found from the bundle)', async () => {
    const url = await start({ GENERATOR: 'builtin', STORAGE: 'local' });
    expect(await (await fetch(`${url}/api/actors`)).json()).toStrictEqual(ACTORS);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script');
  });

  it('removes the chunks an older build left', async () => {
    const stale = path.join(fileURLToPath(new URL('../dist/daemon/chunks', import.meta.url)), 'runpod-generator-OLDBUILD.mjs');
    await writeFile(stale, 'export {};');
    await buildDaemon();
    await expect(access(stale)).rejects.toThrow(/ENOENT/);
    expect(await (await fetch(`${await start({})}/api/actors`)).json()).toStrictEqual(ACTORS);
  });

  it('loads the RunPod input template that sits beside its module in the source tree', async () => {
    // The template is read at start-up: a path resolved from the bundle's own location would stop it.
    const url = await start({ GENERATOR: 'runpod', RUNPOD_API_KEY: 'key', RUNPOD_ENDPOINT_ID: 'endpoint', RUNPOD_BASE_URL: 'http://127.0.0.1:9' });
    expect((await (await fetch(`${url}/api/info`)).json()).generator.kind).toBe('runpod');
  });
});
