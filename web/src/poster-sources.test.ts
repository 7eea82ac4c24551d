import { describe, expect, it } from 'vitest';
import { GRID_SIZES, posterSources } from './poster-sources.js';
import { framesFor, makeActor } from './test-fixtures.js';

describe('posterSources', () => {
  it('builds a srcset over the standard sm/md/lg URLs with their pixel widths', () => {
    const frames = framesFor('0001_european_20_female', 'abc');
    const sources = posterSources(makeActor({ poster_frames: frames }));
    expect(sources).toEqual({
      src: frames.standard.webp_sm,
      srcset: `${frames.standard.webp_sm} 256w, ${frames.standard.webp_md} 512w, ${frames.standard.webp_lg} 1024w`,
      sizes: GRID_SIZES,
    });
    expect(sources?.srcset).not.toContain('s3-accelerate');
  });

  it('takes the sizes attribute it is given', () => {
    const actor = makeActor({ poster_frames: framesFor('a', '1') });
    expect(posterSources(actor, '100vw')?.sizes).toBe('100vw');
  });

  it.each([
    ['no poster_frames', makeActor()],
    ['an empty standard URL', makeActor({ poster_frames: { ...framesFor('a', '1'), standard: { webp_sm: '', webp_md: 'm', webp_lg: 'l' } } })],
  ])('returns undefined for an actor with %s, so the card shows a placeholder', (_, actor) => {
    expect(posterSources(actor)).toBeUndefined();
  });
});
