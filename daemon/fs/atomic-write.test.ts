import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isErrno, readJsonFile, writeFileAtomic } from './atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const target = join(dir, 'a.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new contents');
    await writeFileAtomic(target, new TextEncoder().encode('bytes'));
    expect(await readFile(target, 'utf8')).toBe('bytes');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('keeps every concurrent writer whole: the file is one of the writes, never a mix', async () => {
    const target = join(dir, 'a.json');
    const payloads = Array.from({ length: 20 }, (_, i) => String(i).repeat(10_000));
    await Promise.all(payloads.map((p) => writeFileAtomic(target, p)));
    expect(payloads).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('removes the temp file and keeps the old file when the rename fails', async () => {
    const target = join(dir, 'occupied');
    await mkdir(join(target, 'child'), { recursive: true }); // renaming a file over a non-empty directory fails
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['occupied']);
  });

  it('fails without creating anything when the directory is missing', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'a.json'), 'x')).rejects.toSatisfy((e) => isErrno(e, 'ENOENT'));
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('readJsonFile', () => {
  it('parses a file and returns undefined for a missing one', async () => {
    await writeFile(join(dir, 'x.json'), '{"a":1}');
    expect(await readJsonFile(join(dir, 'x.json'))).toEqual({ a: 1 });
    expect(await readJsonFile(join(dir, 'nope.json'))).toBeUndefined();
  });

  it('throws on bad JSON', async () => {
    await writeFile(join(dir, 'x.json'), '{');
    await expect(readJsonFile(join(dir, 'x.json'))).rejects.toThrow(SyntaxError);
  });
});
