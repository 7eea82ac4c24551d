import { describe, expect, it } from 'vitest';
import { liveMessage } from './regenerate-flow.js';
import { makeJob } from './test-fixtures.js';

describe('liveMessage', () => {
  it.each([
    [
      'the seed the daemon recorded',
      makeJob({ params: { seed: 7 }, request: { actor_name: 'a', lora_model_url: '', params: { seed: 1 } } }),
      ' Made with seed 7.',
    ],
    ['the seed the request asked for', makeJob({ request: { actor_name: 'a', lora_model_url: '', params: { seed: 1 } } }), ' Made with seed 1.'],
    ['no seed when none is known', makeJob(), ''],
  ])('names %s', (_case, job, tail) => {
    expect(liveMessage(job)).toBe(`New poster frame for 0001_european_20_female is live.${tail}`);
  });
});
