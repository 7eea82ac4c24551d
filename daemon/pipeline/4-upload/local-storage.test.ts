import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalStorage } from './local-storage.js';
import type { Storage } from './storage.js';

const KEY = 'actors/0001_a/poster_frame/0001_a_poster_sm.webp';
const bytes = (...values: number[]) => new Uint8Array(values);
const bodyOf = async (storage: Storage, key: string) => {
  const object = await storage.get(key);
  return object && Buffer.from(object.body as Uint8Array);
};

let base: string;
let storage: Storage;
beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'posterframe-local-storage-'));
  storage = createLocalStorage({ root: path.join(base, 'media'), publicBaseUrl: 'http://127.0.0.1:8787/' });
});
afterEach(() => rm(base, { recursive: true, force: true }));

describe('local storage', () => {
  it('reads back what was put, with size and a content type from the extension', async () => {
    await storage.put(KEY, bytes(1, 2, 3), 'image/webp');
    await storage.put('notes/a.json', bytes(123, 125), 'application/json');
    expect(await storage.get(KEY)).toMatchObject({ size: 3, contentType: 'image/webp' });
    expect(await bodyOf(storage, KEY)).toEqual(Buffer.from([1, 2, 3]));
    expect(await storage.get('notes/a.json')).toMatchObject({ contentType: 'application/json' });
  });

  it('overwrites an existing key', async () => {
    await storage.put(KEY, bytes(1, 2, 3), 'image/webp');
    await storage.put(KEY, bytes(9), 'image/webp');
    expect(await bodyOf(storage, KEY)).toEqual(Buffer.from([9]));
  });

  it('copies over an existing key and leaves the source', async () => {
    await storage.put('a/from.webp', bytes(7, 7), 'image/webp');
    await storage.put('b/to.webp', bytes(1), 'image/webp');
    await storage.copy('a/from.webp', 'b/to.webp');
    expect(await bodyOf(storage, 'b/to.webp')).toEqual(Buffer.from([7, 7]));
    expect(await bodyOf(storage, 'a/from.webp')).toEqual(Buffer.from([7, 7]));
  });

  it('copies by linking: the target shares the stored file, and a later put over the source leaves the target as it was', async () => {
    const file = (key: string) => path.join(base, 'media', ...key.split('/'));
    await storage.put('a/from.webp', bytes(7, 7), 'image/webp');
    await storage.copy('a/from.webp', 'b/to.webp');
    expect((await stat(file('b/to.webp'))).ino).toBe((await stat(file('a/from.webp'))).ino);
    await storage.put('a/from.webp', bytes(8), 'image/webp');
    expect(await bodyOf(storage, 'b/to.webp')).toEqual(Buffer.from([7, 7]));
    expect(await bodyOf(storage, 'a/from.webp')).toEqual(Buffer.from([8]));
  });

  it('copies a key over a name of the same file (a version published again) without leaving a temp file', async () => {
    await storage.put('a/from.webp', bytes(7, 7), 'image/webp');
    await storage.copy('a/from.webp', 'b/to.webp');
    await storage.copy('a/from.webp', 'b/to.webp');
    expect(await readdir(path.join(base, 'media', 'b'))).toEqual(['to.webp']);
    expect(await bodyOf(storage, 'b/to.webp')).toEqual(Buffer.from([7, 7]));
  });

  it('fails a copy from a missing key as storage_failed, creating nothing', async () => {
    await expect(storage.copy('a/missing.webp', 'b/to.webp')).rejects.toMatchObject({
      code: 'storage_failed',
      message: expect.stringContaining('a/missing.webp'),
    });
    expect(await storage.get('b/to.webp')).toBeNull();
    expect(await readdir(path.join(base, 'media', 'b'))).toEqual([]);
  });

  it('deletes keys, ignoring ones that are missing', async () => {
    await storage.put(KEY, bytes(1), 'image/webp');
    await storage.delete([KEY, 'actors/never/written.webp']);
    expect(await storage.get(KEY)).toBeNull();
  });

  it('removes folders a delete leaves empty, and only those', async () => {
    const draft = 'actors/0001_a/poster_frame/drafts/job_1/0001_a_poster_sm.webp';
    await storage.put(KEY, bytes(1), 'image/webp');
    await storage.put(draft, bytes(2), 'image/webp');
    await storage.delete([draft]);
    expect(await readdir(path.join(base, 'media', 'actors', '0001_a', 'poster_frame'))).toEqual(['0001_a_poster_sm.webp']);
    expect(await bodyOf(storage, KEY)).toEqual(Buffer.from([1]));
  });

  it.each(['actors/none.webp', 'actors'])('gets null for %s, which is not a stored file', async (key) => {
    await storage.put(KEY, bytes(1), 'image/webp');
    expect(await storage.get(key)).toBeNull();
  });

  it('hands out the same daemon URL for both forms, segments percent-encoded', () => {
    expect(storage.publicUrls('actors/a b/x#1.webp')).toEqual({
      accelerated: 'http://127.0.0.1:8787/media/actors/a%20b/x%231.webp',
      standard: 'http://127.0.0.1:8787/media/actors/a%20b/x%231.webp',
    });
  });

  it('never shows a partly written file to a reader, and leaves no temp file behind', async () => {
    const before = new Uint8Array(2 * 1024 * 1024).fill(0xaa);
    const after = new Uint8Array(4 * 1024 * 1024).fill(0xbb);
    await storage.put(KEY, before, 'image/webp');
    let done = false;
    const writing = storage.put(KEY, after, 'image/webp').finally(() => (done = true));
    const seen = new Set<string>();
    while (!done) {
      const body = await bodyOf(storage, KEY);
      seen.add(body?.equals(before) ? 'before' : body?.equals(after) ? 'after' : `partial ${body?.length}`);
    }
    await writing;
    expect([...seen].filter((s) => s.startsWith('partial'))).toEqual([]);
    // A boolean, not toEqual: a deep diff of 4 MB buffers takes vitest seconds.
    expect((await bodyOf(storage, KEY))?.equals(after)).toBe(true);
    expect(await readdir(path.join(base, 'media', path.dirname(KEY)))).toEqual([path.basename(KEY)]);
  });
});

describe('local storage keys', () => {
  it.each([
    '../escape.webp',
    'actors/../../escape.webp',
    '/etc/passwd',
    'actors\\..\\..\\escape.webp',
    'actors/a\0.webp',
    'actors//a.webp',
    'actors/./a.webp',
    'actors/',
    '..',
    '',
  ])('refuses %j in every operation, writing nothing', async (key) => {
    await expect(storage.put(key, bytes(1), 'image/webp')).rejects.toThrow(TypeError);
    await expect(storage.copy(KEY, key)).rejects.toThrow(TypeError);
    await expect(storage.copy(key, KEY)).rejects.toThrow(TypeError);
    await expect(storage.get(key)).rejects.toThrow(TypeError);
    await expect(storage.delete([key])).rejects.toThrow(TypeError);
    expect(() => storage.publicUrls(key)).toThrow(TypeError);
    expect(await readdir(base)).toEqual([]);
  });
});
