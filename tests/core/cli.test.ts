import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api-types.js';
import { sampleActors, writeActorsFile } from '../support/sample-actors.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'daemon/cli/regenerate.ts');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

let dir: Awaited<ReturnType<typeof tempDir>>;
let actorsFile: string;
beforeEach(async () => {
  dir = await tempDir();
  actorsFile = await writeActorsFile(dir.path, sampleActors(3));
});
afterEach(() => dir.remove());

/** Runs `npm run regenerate -- …` as a user would (the same script, in its own process). */
async function regenerate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir.path, REQUESTS_DIR: path.join(dir.path, 'requests') };
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [CLI, ...args], { cwd: dir.path, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run regenerate', () => {
  it('regenerates one actor by name: JSON result on stdout, progress on stderr, exit 0', async () => {
    const { code, stdout, stderr } = await regenerate('0002_test_21_male', '--seed', '5');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ success: true, actor_id: '2', actor_name: '0002_test_21_male', message: 'Poster frame regenerated successfully' });
    expect(stderr).toContain('100% 0002_test_21_male');

    const saved: Actor[] = JSON.parse(await readFile(actorsFile, 'utf8'));
    expect(saved[1]!.poster_frames).toEqual(result.poster_frames);
    const lg = path.join(dir.path, 'media/actors/0002_test_21_male/poster_frame/0002_test_21_male_poster_lg.webp');
    expect(await sharp(lg).metadata()).toMatchObject({ format: 'webp', width: 1024, height: 1024 });
  });

  it('regenerates every actor with --all and prints an array', async () => {
    const { code, stdout } = await regenerate('--all');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((r: { actor_id: string }) => r.actor_id)).toEqual(['1', '2', '3']);
  });

  it.each([
    [['nobody'], 'actor_not_found'],
    [[], 'invalid_request'],
    [['1', '--seed', '-3'], 'invalid_request'],
  ])('fails %j with exit code 1 and a JSON %s error', async (args, error) => {
    const before = await readFile(actorsFile, 'utf8');
    const { code, stdout } = await regenerate(...args);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ success: false, error, message: expect.any(String) });
    expect(await readFile(actorsFile, 'utf8')).toBe(before);
  });
});
