import { describe, expect, it } from 'vitest';
import { fitStem, NAME_MAX_BYTES } from './fit-name.js';

const bytes = (text: string) => Buffer.byteLength(text);

describe('fitStem', () => {
  it('keeps a stem that fits', () => {
    expect(fitStem('poster-0002', 12)).toBe('poster-0002');
    expect(fitStem('a'.repeat(243), 12)).toBe('a'.repeat(243));
  });

  it.each([
    ['ASCII', 'a'.repeat(250)],
    ['two-byte letters', 'é'.repeat(200)],
    ['emoji (4 bytes, surrogate pairs)', '🎨'.repeat(80)],
    ['CJK after ASCII', `x${'海'.repeat(120)}`],
  ])('cuts %s on a character boundary and appends a hash, within NAME_MAX', (_, stem) => {
    const fitted = fitStem(stem, bytes('.result.json'));
    expect(bytes(`${fitted}.result.json`)).toBeLessThanOrEqual(NAME_MAX_BYTES);
    expect(fitted).toMatch(/~[0-9a-f]{8}$/);
    expect(stem.startsWith(fitted.replace(/~[0-9a-f]{8}$/, ''))).toBe(true);
    expect(fitted).not.toContain('\uFFFD');
    expect(fitStem(stem, bytes('.result.json'))).toBe(fitted);
  });

  it('gives two long stems that share a prefix different names', () => {
    const prefix = 'p'.repeat(260);
    expect(fitStem(`${prefix}-1`, 5)).not.toBe(fitStem(`${prefix}-2`, 5));
  });
});
