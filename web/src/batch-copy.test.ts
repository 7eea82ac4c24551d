import { describe, expect, it } from 'vitest';
import type { ServerInfo } from '../../shared/api-types.js';
import { batchConfirmMessage } from './batch-copy.js';

const info = (generator: ServerInfo['generator']): ServerInfo => ({
  generator,
  storage: 'local',
  actors: { count: 14, file_present: true },
  api_token_required: false,
});

describe('batchConfirmMessage', () => {
  it('says how many, how they are made on this backend, and that the batch can be cancelled', () => {
    const gpu = batchConfirmMessage(30, info({ kind: 'runpod', uses_lora: true, typical_seconds: 40 }));
    expect(gpu).toBe(
      "A new poster for each of the 30 actors will be generated from its LoRA model. Each replaces its actor's current poster once it is ready. Each takes about 40 seconds; the daemon runs as many at once as its limits allow. One progress bar follows the batch, and you can cancel it while it runs.",
    );
    expect(batchConfirmMessage(1, info({ kind: 'builtin', uses_lora: false, typical_seconds: 1 }))).toMatch(
      /^A new poster for the selected actor will be drawn by the built-in stand-in generator/,
    );
  });

  it('promises no backend or duration when the daemon does not say', () => {
    expect(batchConfirmMessage(2_000, undefined)).toBe(
      "A new poster for each of the 2,000 actors will be generated. Each replaces its actor's current poster once it is ready. One progress bar follows the batch, and you can cancel it while it runs.",
    );
  });
});
