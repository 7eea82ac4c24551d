import { describe, expect, it } from 'vitest';
import { BASE_DEFAULTS, STYLE_PRESETS, styleOf } from '../../../../shared/styles.js';
import type { GenerateRequest } from '../generator.js';
import { resolveGeneration } from './build-prompt.js';

const actor = {
  id: '1',
  name: '0001_european_20_female',
  description: 'a young European woman',
  loraModelUrl: 's3://b/models/0001_european_20_female.safetensors',
};
const resolve = (params: GenerateRequest['params'], who = actor) =>
  resolveGeneration({ actor: who, params, width: 1024, height: 1024, signal: new AbortController().signal, onProgress: () => {} });

describe('resolveGeneration', () => {
  it.each(STYLE_PRESETS.map((style) => [style.id, style] as const))('puts the %s fragment after the subject and applies its defaults', (id, style) => {
    const generation = resolve({ style: id, seed: 5 });
    expect(generation).toMatchObject({
      prompt: `a young European woman, ${style.prompt}`,
      style: id,
      steps: style.defaults.steps ?? BASE_DEFAULTS.steps,
      guidance: style.defaults.guidance ?? BASE_DEFAULTS.guidance,
      negativePrompt: style.defaults.negative_prompt ?? BASE_DEFAULTS.negative_prompt,
      seed: 5,
      loraName: '0001_european_20_female',
    });
  });

  it('lets the params override every default', () => {
    const generation = resolve({ style: 'film-noir', steps: 12, guidance: 3, negative_prompt: 'hats', lora_weight: 1.1, seed: 9 });
    expect(generation).toMatchObject({ steps: 12, guidance: 3, negativePrompt: 'hats', loraWeight: 1.1, seed: 9 });
  });

  it('falls back to the actor name as the subject and the default style for a job recorded before the presets', () => {
    expect(resolve({ style: 'noir' }, { ...actor, description: ' ' }).prompt).toBe(`0001 european 20 female, ${styleOf(undefined).prompt}`);
  });

  it('picks a seed in range when none is given', () => {
    const seeds = new Set(Array.from({ length: 5 }, () => resolve({}).seed));
    expect(seeds.size).toBeGreaterThan(1);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
  });
});
