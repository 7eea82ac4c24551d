import { describe, expect, it } from 'vitest';
import { initials, nameHue } from './actor-monogram.js';

describe('initials', () => {
  it.each([
    ['0003_east_asian_27_female', 'EA'],
    ['Jane Doe', 'JD'],
    ['madonna', 'M'],
    ['émile-zola', 'ÉZ'],
    ['0042', '0'],
    ['  ', '?'],
  ])('"%s" → "%s"', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('nameHue', () => {
  it('is stable for a name and differs between names', () => {
    expect(nameHue('0001_european_20_female')).toBe(nameHue('0001_european_20_female'));
    expect(nameHue('0001_european_20_female')).not.toBe(nameHue('0002_african_34_male'));
    for (const name of ['a', 'zz', '0003_east_asian_27_female']) expect(nameHue(name)).toBeGreaterThanOrEqual(0);
    expect(nameHue('0003_east_asian_27_female')).toBeLessThan(360);
  });
});
