import { execFile } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

const run = promisify(execFile);
const BIOME = path.resolve('node_modules/.bin/biome');

/** Lints one probe file placed at `where` in a scratch tree governed by the project's biome.jsonc. */
async function lintProbe(root: string, where: string, source: string): Promise<{ ok: boolean; output: string }> {
  await mkdir(path.join(root, path.dirname(where)), { recursive: true });
  await writeFile(path.join(root, where), source);
  try {
    const { stdout, stderr } = await run(BIOME, ['lint', '--vcs-enabled=false', where], { cwd: root });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

describe('the linter keeps the layers apart (biome.jsonc)', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    root = await tempDir();
    await copyFile('biome.jsonc', path.join(root.path, 'biome.jsonc'));
  });
  afterEach(() => root.remove());

  it.each([
    ['daemon/app/probe.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", 'noNodejsModules'],
    ['shared/probe.ts', "import path from 'node:path';\nexport const join = path.join;\n", 'noNodejsModules'],
    ['daemon/app/probe.ts', "import sharp from 'sharp';\nexport const s = sharp;\n", 'noRestrictedImports'],
    ['web/src/probe.ts', "import { loadConfig } from '../../daemon/config.js';\nexport const c = loadConfig;\n", 'noRestrictedImports'],
  ])('refuses %s importing what its layer must not', async (where, source, rule) => {
    const { ok, output } = await lintProbe(root.path, where, source);
    expect(ok).toBe(false);
    expect(output).toContain(rule);
  });

  it.each([
    ['daemon/app/probe.ts', "import { Hono } from 'hono';\nexport const app = new Hono();\n"],
    ['daemon/pipeline/probe.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"],
  ])('accepts %s importing what its layer may', async (where, source) => {
    expect(await lintProbe(root.path, where, source)).toMatchObject({ ok: true });
  });
});
