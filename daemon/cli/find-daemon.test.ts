import { createServer } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../../tests/support/start-test-daemon.js';
import { readDaemonFile } from '../discovery/daemon-file.js';
import { findLiveDaemon } from './find-daemon.js';

let daemon: TestDaemon;
beforeAll(async () => {
  daemon = await startTestDaemon();
});
afterAll(() => daemon.dispose());

/** A port nothing listens on (taken, then freed). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('findLiveDaemon', () => {
  it('finds the daemon that announced itself in DATA_DIR/daemon.json', async () => {
    const found = await findLiveDaemon(daemon.dataDir);
    expect(found?.url).toBe(daemon.url);
  });

  it.each([
    ['another daemon answers at its address (instance id differs)', async () => ({ url: daemon.url, instance_id: 'a-previous-start' })],
    ['nothing listens at its address any more', async () => ({ url: `http://127.0.0.1:${await freePort()}`, instance_id: 'gone' })],
  ])('ignores a file left behind when %s', async (_, content) => {
    const dataDir = path.join(daemon.dataDir, 'other');
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'daemon.json'), JSON.stringify({ pid: process.pid, started_at: '', ...(await content()) }));
    expect(await readDaemonFile(dataDir)).toBeDefined();
    expect(await findLiveDaemon(dataDir)).toBeUndefined();
  });

  it('ignores a damaged file', async () => {
    const dataDir = path.join(daemon.dataDir, 'damaged');
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'daemon.json'), '{"url": "http://127.0');
    expect(await findLiveDaemon(dataDir)).toBeUndefined();
  });
});
