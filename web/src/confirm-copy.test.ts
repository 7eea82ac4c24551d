import { describe, expect, it } from 'vitest';
import type { ServerInfo } from '../../shared/api-types.js';
import { confirmMessage, durationText } from './confirm-copy.js';
import { framesFor, makeActor } from './test-fixtures.js';

const info = (generator: ServerInfo['generator']): ServerInfo => ({
  generator,
  storage: 'local',
  actors: { count: 14, file_present: true },
  api_token_required: false,
});
const BUILTIN = info({ kind: 'builtin', uses_lora: false, typical_seconds: 0.3 });
const RUNPOD = info({ kind: 'runpod', uses_lora: true, typical_seconds: 40 });

const bare = makeActor({ name: '0003_east_asian_27_female' });
const withPoster = makeActor({ name: '0003_east_asian_27_female', poster_frames: framesFor('0003_east_asian_27_female', '1') });

describe('confirmMessage', () => {
  it('promises no LoRA and no wait for the built-in generator, and no replacement when there is no poster', () => {
    const message = confirmMessage(bare, BUILTIN);
    expect(message).toBe(
      "A new poster for 0003_east_asian_27_female will be drawn by the built-in stand-in generator, which does not use LoRA models. It becomes this actor's first poster. This takes a moment.",
    );
    expect(message).not.toMatch(/minute|replace/);
  });

  it('names the LoRA model, the replacement and the typical time for a GPU backend', () => {
    expect(confirmMessage(withPoster, RUNPOD)).toBe(
      'A new poster for 0003_east_asian_27_female will be generated from its LoRA model. It replaces the current poster once it is ready. This takes about 40 seconds.',
    );
  });

  it('promises nothing about the backend when the daemon does not say', () => {
    expect(confirmMessage(withPoster, undefined)).toBe(
      'A new poster for 0003_east_asian_27_female will be generated. It replaces the current poster once it is ready.',
    );
  });
});

describe('durationText', () => {
  it.each([
    [0.3, 'a moment'],
    [Number.NaN, 'a moment'],
    [12, 'about 10 seconds'],
    [4, 'about 5 seconds'],
    [60, 'about a minute'],
    [150, 'about 3 minutes'],
  ])('%d s reads "%s"', (seconds, text) => {
    expect(durationText(seconds)).toBe(text);
  });
});
