import { describe, expect, it } from 'vitest';
import { IDLE, cardState } from './card-state.js';
import { makeJob } from './test-fixtures.js';

describe('cardState', () => {
  it('is idle with no job and nothing starting', () => {
    expect(cardState(undefined, false)).toBe(IDLE);
  });

  it('is busy while a confirmed regeneration waits for its job', () => {
    expect(cardState(undefined, true)).toEqual({ busy: true, stage: 'queued', label: 'Starting', percent: 0, text: 'Starting…' });
  });

  it("shows the live stage and the whole job's percent, the same in its text as on its bar", () => {
    const job = makeJob({ stage: 'encoding', percent: 50, message: 'webp 2/3' });
    expect(cardState(job, false)).toEqual({ busy: true, stage: 'encoding', label: 'Encoding', percent: 89, text: 'Encoding · 89% · webp 2/3' });
  });

  it('follows the job rather than the starting flag once the job is known', () => {
    expect(cardState(makeJob({ stage: 'uploading', percent: 0 }), true).stage).toBe('uploading');
  });

  it("is idle with the failure's reason when the actor's newest job failed, and busy again once a retry starts", () => {
    const failed = makeJob({ status: 'failed', error: { error: 'generation_failed', message: 'CUDA out of memory' } });
    expect(cardState(undefined, false, failed)).toEqual({ ...IDLE, failure: 'CUDA out of memory' });
    expect(cardState(undefined, true, failed).busy).toBe(true);
    expect(cardState(makeJob(), false, failed).failure).toBeUndefined();
  });
});
