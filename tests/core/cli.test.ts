import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api-types.js';
import { persistedJobs } from '../support/job-records.js';
import { sampleActors, writeActorsFile } from '../support/sample-actors.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let actorsFile: string;
beforeEach(async () => {
  dir = await tempDir();
  actorsFile = await writeActorsFile(dir.path, sampleActors(3));
});
afterEach(() => dir.remove());

const env = () => ({ DATA_DIR: dir.path, REQUESTS_DIR: path.join(dir.path, 'requests') });
const regenerate = (...args: string[]) => runCli(args, env());

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

  it('runs a --preview with --style, --seed, --steps and --guidance: recorded on the job, nothing published', async () => {
    const before = await readFile(actorsFile, 'utf8');
    const { code, stdout } = await regenerate('3', '--style', 'film-noir', '--seed', '5', '--steps', '12', '--guidance', '4', '--preview');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ success: true, actor_id: '3', message: 'Poster frame preview generated' });
    expect(await readFile(actorsFile, 'utf8')).toBe(before);
    const [job] = persistedJobs(dir.path);
    expect(job).toMatchObject({ source: 'cli', mode: 'preview', backend: 'builtin', params: { style: 'film-noir', seed: 5, steps: 12, guidance: 4 } });
  });

  it('regenerates every actor with --all and prints an array', async () => {
    const { code, stdout } = await regenerate('--all');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((r: { actor_id: string }) => r.actor_id)).toEqual(['1', '2', '3']);
  });

  it("writes exactly JSON to stdout with `npm run -s regenerate -- --all` (the README's form)", async () => {
    const { code, stdout } = await runCli(['run', '-s', 'regenerate', '--', '--all'], env(), ['npm']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(3);
  });

  it('prints the usage for --help and exits 0', async () => {
    const { code, stdout } = await regenerate('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run -s regenerate -- <actorId\|name>/);
  });

  it.each([
    [['nobody'], 'actor_not_found', 'No actor with id or name "nobody"'],
    [[], 'invalid_request', 'Expected actor ids or names, --all or --failed'],
    [['1', '--seed', '-3'], 'invalid_request', 'Expected an integer from 0 to 4294967295 for --seed but received "-3"'],
  ])('fails %j with exit code 1 and a JSON %s error', async (args, error, message) => {
    const before = await readFile(actorsFile, 'utf8');
    const { code, stdout } = await regenerate(...args);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ success: false, error, message: expect.stringContaining(message) });
    expect(await readFile(actorsFile, 'utf8')).toBe(before);
  });
});
