import { describe, expect, it } from 'vitest';
import { draftKey, historyKey, posterFrames, posterKey, SIZES } from './keys.js';
import { createLocalStorage } from './local-storage.js';
import { createS3Storage } from './s3-storage.js';

const NAME = '0001_european_20_female';
const FOLDER = `actors/${NAME}/poster_frame`;

describe('storage key layout', () => {
  it("puts the canonical posters at the seed's keys", () => {
    expect(SIZES.map((size) => posterKey(NAME, size))).toEqual([
      `${FOLDER}/${NAME}_poster_sm.webp`,
      `${FOLDER}/${NAME}_poster_md.webp`,
      `${FOLDER}/${NAME}_poster_lg.webp`,
    ]);
  });

  it('puts drafts and history beside them, under the same actor folder', () => {
    expect(draftKey(NAME, 'job_42', 'md')).toBe(`${FOLDER}/drafts/job_42/${NAME}_poster_md.webp`);
    expect(historyKey(NAME, '0a1b2c3d4e', 'lg')).toBe(`${FOLDER}/history/0a1b2c3d4e/${NAME}_poster_lg.webp`);
  });

  it.each(['../etc', 'a/b', '', '.hidden', 'with space', 'a\\b'])('refuses the actor name %j', (name) => {
    expect(() => posterKey(name, 'sm')).toThrow(TypeError);
  });

  it.each(['..', 'a/b', '', 'x'.repeat(65)])('refuses the job id or version %j', (id) => {
    expect(() => draftKey(NAME, id, 'sm')).toThrow(TypeError);
    expect(() => historyKey(NAME, id, 'sm')).toThrow(TypeError);
  });
});

describe('published poster URLs', () => {
  it("are the seed's accelerated and standard S3 URLs with the content version", () => {
    const storage = createS3Storage({ bucket: 'my-bucket', region: 'us-west-1', forcePathStyle: false });
    const frames = posterFrames(storage, NAME, 'abc1234567');
    expect(frames.accelerated.webp_sm).toBe(`https://my-bucket.s3-accelerate.amazonaws.com/${FOLDER}/${NAME}_poster_sm.webp?v=abc1234567`);
    expect(frames.standard.webp_lg).toBe(`https://my-bucket.s3.us-west-1.amazonaws.com/${FOLDER}/${NAME}_poster_lg.webp?v=abc1234567`);
    expect(Object.keys(frames.standard)).toEqual(['webp_sm', 'webp_md', 'webp_lg']);
  });

  it("point both forms at the daemon's /media/ for local storage, relative to wherever it answers", () => {
    const storage = createLocalStorage({ root: '/nonexistent/media' });
    const url = `/media/${FOLDER}/${NAME}_poster_md.webp?v=abc1234567`;
    const frames = posterFrames(storage, NAME, 'abc1234567');
    expect([frames.accelerated.webp_md, frames.standard.webp_md]).toEqual([url, url]);
  });
});
