import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isErrno } from '../fs/atomic-write.js';
import { moveUnique } from './move-unique.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'move-unique-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('moveUnique', () => {
  it('gives concurrent moves to the same name distinct names and overwrites nothing', async () => {
    const sources = await Promise.all(
      [0, 1, 2, 3, 4].map(async (i) => {
        const path = join(dir, `src${i}`);
        await writeFile(path, String(i));
        return path;
      }),
    );
    const out = join(dir, 'out');
    const moved = await Promise.all(sources.map((src) => moveUnique(src, out, 'a.json')));
    expect(new Set(moved).size).toBe(5);
    expect((await readdir(out)).sort()).toEqual(['a-1.json', 'a-2.json', 'a-3.json', 'a-4.json', 'a.json']);
    const contents = await Promise.all(moved.map((path) => readFile(path, 'utf8')));
    expect(contents).toEqual(['0', '1', '2', '3', '4']);
  });

  it('skips a name whose companion file is taken, and runs `before` with the chosen stem', async () => {
    const out = join(dir, 'out');
    await moveUnique(await source('x'), out, 'r.json'); // create out/
    await writeFile(join(out, 'q.result.json'), 'left over');
    const stems: string[] = [];
    const moved = await moveUnique(await source('y'), out, 'q.json', {
      companions: ['.result.json'],
      before: async (stem) => void stems.push(stem),
    });
    expect(moved).toBe(join(out, 'q-1.json'));
    expect(stems).toEqual(['q-1']);
  });

  it('cuts a name too long for its companion to fit, and the companion is written under the cut stem', async () => {
    const name = `${'n'.repeat(240)}.json`;
    const stems: string[] = [];
    const moved = await moveUnique(await source('long'), join(dir, 'out'), name, {
      companions: ['.result.json'],
      before: async (stem) => {
        stems.push(stem);
        await writeFile(join(dir, 'out', `${stem}.result.json`), '{}');
      },
    });
    expect(moved).toBe(join(dir, 'out', `${stems[0]}.json`));
    expect(Buffer.byteLength(`${stems[0]}.result.json`)).toBeLessThanOrEqual(255);
    expect(await readFile(moved, 'utf8')).toBe('long');
  });

  it('rejects with ENOENT for a source deleted before the move, and frees the name it had picked', async () => {
    const out = join(dir, 'out');
    await expect(moveUnique(join(dir, 'gone'), out, 'a.json')).rejects.toSatisfy((e) => isErrno(e, 'ENOENT'));
    expect(await moveUnique(await source('w'), out, 'a.json')).toBe(join(out, 'a.json'));
  });

  it('leaves the source in place when `before` fails', async () => {
    const src = await source('z');
    await expect(moveUnique(src, join(dir, 'out'), 'a.json', { before: () => Promise.reject(new Error('disk full')) })).rejects.toThrow('disk full');
    expect(await readFile(src, 'utf8')).toBe('z');
  });
});

async function source(content: string): Promise<string> {
  const path = join(dir, `src-${content}`);
  await writeFile(path, content);
  return path;
}
