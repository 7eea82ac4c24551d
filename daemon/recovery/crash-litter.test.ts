import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp-dir.js';
import { removeLegacyDrafts } from './legacy-drafts.js';
import { removeTempLitter } from './temp-litter.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

async function touch(relative: string, ageMs = 0): Promise<string> {
  const file = path.join(dir.path, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, 'x');
  const when = new Date(Date.now() - ageMs);
  await utimes(file, when, when);
  return file;
}

const DEAD = 999_999;
const LIVE = 424_242;
const isAlive = (pid: number) => pid === LIVE;

describe('removeTempLitter', () => {
  it('removes temp files of dead writers, deep in the tree, and old ones, and nothing else', async () => {
    const litter = [
      await touch(`jobs/.job_1.json.${DEAD}.0123456789ab.tmp`),
      await touch(`media/actors/a/poster_frame/drafts/j/.a_poster_sm.webp.${DEAD}.abcdefabcdef.tmp`),
      await touch(`.actorsData.json.${LIVE}.0123456789ab.tmp`, 2 * 60 * 60 * 1000),
      await touch('media/.x.webp.0b7c5a4e-9d1f-4b2a-8c3d-5e6f7a8b9c0d.tmp', 2 * 60 * 60 * 1000),
      await touch(`jobs/.job_2.json.${process.pid}.0123456789ab.tmp`, 60 * 60 * 1000 - 1000),
    ];
    const kept = [
      await touch(`jobs/.job_3.json.${LIVE}.0123456789ab.tmp`),
      await touch('media/.y.webp.0b7c5a4e-9d1f-4b2a-8c3d-5e6f7a8b9c0d.tmp'),
      await touch('jobs/job_1.json'),
      await touch('notes.tmp', 3 * 60 * 60 * 1000),
      await touch('media/actors/a/poster_frame/a_poster_sm.webp', 3 * 60 * 60 * 1000),
    ];
    const removed = await removeTempLitter([path.join(dir.path, 'jobs'), path.join(dir.path, 'media'), dir.path], { isAlive });
    expect(new Set(removed)).toEqual(new Set(litter));
    for (const file of kept) expect(await readdir(path.dirname(file))).toContain(path.basename(file));
  });
});

describe('removeLegacyDrafts', () => {
  it('removes every drafts folder a release before versions left, and nothing else', async () => {
    const media = path.join(dir.path, 'media');
    for (const id of ['running', 'done']) await touch(`media/actors/a/poster_frame/drafts/${id}/a_poster_sm.webp`);
    await touch('media/actors/a/poster_frame/a_poster_sm.webp');
    await touch('media/actors/a/poster_frame/history/abc/a_poster_sm.webp');
    await mkdir(path.join(media, 'actors/b/poster_frame/drafts'), { recursive: true });
    const removed = await removeLegacyDrafts(media);
    expect(removed.map((folder) => path.relative(media, folder)).sort()).toEqual(['actors/a/poster_frame/drafts', 'actors/b/poster_frame/drafts']);
    expect((await readdir(path.join(media, 'actors/a/poster_frame'))).sort()).toEqual(['a_poster_sm.webp', 'history']);
    expect(await readdir(path.join(media, 'actors/b/poster_frame'))).toEqual([]);
  });
});
