import { describe, expect, it } from 'vitest';
import type { StylePreset } from '../../shared/api-types.js';
import { paramsSummary, styleLabel, versionDate, versionSummary } from './version-text.js';

const styles: StylePreset[] = [{ id: 'film-noir', label: 'Film noir', description: 'High contrast', prompt: 'noir', defaults: {} }];

describe('version captions', () => {
  it.each([
    ['film-noir', 'Film noir'],
    ['retired-style', 'retired-style'],
    [undefined, 'Default style'],
  ])('names the style %j as %j', (style, label) => {
    expect(styleLabel(style, styles)).toBe(label);
  });

  it.each([
    [{ style: 'film-noir', seed: 42 }, 'Film noir · seed 42'],
    [{ seed: 0 }, 'Default style · seed 0'],
    [{ style: 'film-noir' }, 'Film noir'],
    [undefined, 'Default style'],
  ])('sums up %j as %j', (params, text) => {
    expect(paramsSummary(params, styles)).toBe(text);
  });

  it("sums up a version by its recorded seed and style, else its params'", () => {
    expect(versionSummary({ seed: 7, style: 'film-noir', params: { seed: 1 } }, styles)).toBe('Film noir · seed 7');
    expect(versionSummary({ params: { seed: 1, style: 'film-noir' } }, styles)).toBe('Film noir · seed 1');
  });

  it('dates a version in the given locale', () => {
    expect(versionDate('2026-12-02T05:10:00.000Z', 'en-GB')).toMatch(/^2 Dec 2026, \d\d:\d0$/);
  });
});
