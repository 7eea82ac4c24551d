import { describe, expect, it } from 'vitest';
import { historyKey, posterFrames, posterKey, SIZES, versionFrames, versionOf } from './keys.js';
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

  it('puts the history of versions beside them, under the same actor folder', () => {
    expect(historyKey(NAME, '0a1b2c3d4e', 'lg')).toBe(`${FOLDER}/history/0a1b2c3d4e/${NAME}_poster_lg.webp`);
  });

  it.each(['../etc', 'a/b', '', '.hidden', 'with space', 'a\\b'])('refuses the actor name %j', (name) => {
    expect(() => posterKey(name, 'sm')).toThrow(TypeError);
  });

  it.each(['..', 'a/b', '', 'x'.repeat(65)])('refuses the version %j', (id) => {
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

describe('versions in URLs', () => {
  const storage = createLocalStorage({ root: '/nonexistent/media' });

  it("gives a version's own URLs at its history keys, carrying the version", () => {
    expect(versionFrames(storage, NAME, 'abc1234567').standard.webp_sm).toBe(`/media/${FOLDER}/history/abc1234567/${NAME}_poster_sm.webp?v=abc1234567`);
  });

  it('reads the version all URLs agree on', () => {
    expect(versionOf(posterFrames(storage, NAME, 'abc1234567'))).toBe('abc1234567');
  });

  it.each([
    ['no frames', undefined],
    ['URLs without a version', { accelerated: { webp_sm: 'a', webp_md: 'b', webp_lg: 'c' }, standard: { webp_sm: 'a', webp_md: 'b', webp_lg: 'c' } }],
    ['URLs of two versions', { ...posterFrames(storage, NAME, 'aaa'), standard: posterFrames(storage, NAME, 'bbb').standard }],
  ])('has no version for %s', (_, frames) => {
    expect(versionOf(frames)).toBeUndefined();
  });
});
