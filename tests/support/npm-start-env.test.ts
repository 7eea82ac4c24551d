import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startChildDaemon } from './child-daemon.js';
import { npmStartEnv, scriptDefaults } from './npm-start-env.js';
import { sampleActors, writeActorsFile } from './sample-actors.js';
import { tempDir } from './temp-dir.js';

const environOf = (bytes: Buffer) =>
  new Map(
    bytes
      .toString('utf8')
      .split('\0')
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );

describe("npm start's process settings", () => {
  it('are the same in every script that runs the pipeline: start, regenerate and bench', () => {
    const start = scriptDefaults('start');
    expect(Object.keys(start)).toEqual(expect.arrayContaining(['UV_THREADPOOL_SIZE', 'GLIBC_TUNABLES']));
    expect(scriptDefaults('regenerate')).toEqual(start);
    expect(scriptDefaults('bench')).toEqual(start);
  });

  it("take the environment's value where it has one, as the shell's default expansion does", () => {
    const defaults = scriptDefaults('start');
    expect(npmStartEnv({})).toEqual(defaults);
    expect(npmStartEnv({ UV_THREADPOOL_SIZE: '32', GLIBC_TUNABLES: '' })).toEqual({ ...defaults, UV_THREADPOOL_SIZE: '32' });
  });

  it('reach a child daemon, as npm start gives them to its daemon', async () => {
    const dir = await tempDir();
    await writeActorsFile(dir.path, sampleActors(1));
    const daemon = await startChildDaemon({ DATA_DIR: dir.path, REQUESTS_DIR: `${dir.path}/requests` });
    try {
      const settings = npmStartEnv();
      // glibc rewrites GLIBC_TUNABLES in the environment it hands on: compared with a process given the same settings.
      const expected = environOf(
        spawnSync(process.execPath, ['-e', "process.stdout.write(require('fs').readFileSync('/proc/self/environ'))"], { env: settings }).stdout,
      );
      const actual = environOf(await readFile(`/proc/${daemon.pid}/environ`));
      for (const name of Object.keys(settings)) expect([name, actual.get(name)]).toEqual([name, expected.get(name)]);
    } finally {
      await daemon.stop();
      await dir.remove();
    }
  });
});
