import { describe, expect, it } from 'vitest';
import { generationParamsSchema } from './request-schema.js';
import { BASE_DEFAULTS, DEFAULT_STYLE_ID, effectiveParams, STYLE_IDS, STYLE_PRESETS, styleOf } from './styles.js';

describe('style presets', () => {
  it('have unique ids, a label, a description and a prompt fragment each', () => {
    expect(new Set(STYLE_IDS).size).toBe(STYLE_PRESETS.length);
    for (const style of STYLE_PRESETS) {
      expect(style.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect([style.label, style.description, style.prompt].every((text) => text.trim().length > 0)).toBe(true);
    }
  });

  it.each(STYLE_PRESETS.map((style) => [style.id, style] as const))('%s has defaults a request could have sent', (_id, style) => {
    expect(generationParamsSchema.safeParse(style.defaults).success).toBe(true);
    expect(style.defaults.seed).toBeUndefined();
  });

  it('include the default style', () => {
    expect(styleOf(undefined).id).toBe(DEFAULT_STYLE_ID);
    expect(styleOf('no-such-style').id).toBe(DEFAULT_STYLE_ID);
  });
});

describe('effectiveParams', () => {
  it('fills every parameter from the style, then the base defaults, and takes the given seed when the request has none', () => {
    expect(effectiveParams({ style: 'film-noir' }, 42)).toEqual({
      seed: 42,
      style: 'film-noir',
      steps: 32,
      guidance: 7.5,
      negative_prompt: styleOf('film-noir').defaults.negative_prompt,
      lora_weight: BASE_DEFAULTS.lora_weight,
    });
    expect(effectiveParams({}, 7)).toMatchObject({ seed: 7, style: DEFAULT_STYLE_ID, negative_prompt: BASE_DEFAULTS.negative_prompt });
  });

  it('keeps what the request asked for', () => {
    const asked = { seed: 0, style: 'golden-hour', steps: 12, guidance: 0, negative_prompt: 'hats', lora_weight: 1.2 };
    expect(effectiveParams(asked, 99)).toEqual(asked);
  });
});
