import { describe, expect, it } from 'vitest';
import type { Actor, PosterFrames } from '../../shared/api-types.js';
import { publishedFrames } from './published-frames.js';

const frames = (v: string): PosterFrames => ({
  accelerated: { webp_sm: `a/sm.webp?v=${v}`, webp_md: `a/md.webp?v=${v}`, webp_lg: `a/lg.webp?v=${v}` },
  standard: { webp_sm: `s/sm.webp?v=${v}`, webp_md: `s/md.webp?v=${v}`, webp_lg: `s/lg.webp?v=${v}` },
});
const store = (actor?: Partial<Actor>) => ({ find: async () => actor && ({ id: 1, name: 'x', ...actor } as Actor) });

describe('publishedFrames', () => {
  it('returns the frames when every URL carries the staged version', async () => {
    expect(await publishedFrames(store({ poster_frames: frames('abc123') }), '1', 'abc123')).toEqual(frames('abc123'));
  });

  it.each([
    ['another version', store({ poster_frames: frames('old999') })],
    ['no poster yet', store({})],
    ['no such actor', store()],
    ['one URL of another version', store({ poster_frames: { ...frames('abc123'), standard: { ...frames('abc123').standard, webp_lg: 's/lg.webp?v=old' } } })],
  ])('returns nothing for %s', async (_, actors) => {
    expect(await publishedFrames(actors, '1', 'abc123')).toBeUndefined();
  });
});
