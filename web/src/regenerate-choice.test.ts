import { describe, expect, it } from 'vitest';
import { MAX_SEED, paramsFromFields } from './regenerate-choice.js';

describe('paramsFromFields', () => {
  it.each([
    ['', '', {}],
    ['film-noir', '', { style: 'film-noir' }],
    ['', '42', { seed: 42 }],
    ['golden-hour', ' 0 ', { style: 'golden-hour', seed: 0 }],
    ['', String(MAX_SEED), { seed: MAX_SEED }],
  ])('style %j and seed %j ask for %j', (style, seed, params) => {
    expect(paramsFromFields(style, seed)).toEqual({ params });
  });

  it.each(['-1', '1.5', '1e3', 'abc', String(MAX_SEED + 1)])('refuses the seed %j, saying what it expected', (seed) => {
    expect(paramsFromFields('', seed).error).toBe(
      `Expected a whole number from 0 to ${MAX_SEED} for seed but received "${seed}". Leave it empty for a random seed.`,
    );
  });
});
