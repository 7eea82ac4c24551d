import { describe, expect, it } from 'vitest';
import { IDLE, cardState } from './card-state.js';
import { makeJob } from './test-fixtures.js';

describe('cardState', () => {
  it('is idle with no job and nothing starting', () => {
    expect(cardState(undefined, false)).toBe(IDLE);
  });

  it('is busy while a confirmed regeneration waits for its job', () => {
    expect(cardState(undefined, true)).toEqual({ busy: true, stage: 'queued', percent: 0, text: 'Starting…' });
  });

  it('shows the live stage and percent of the running job', () => {
    const job = makeJob({ stage: 'encoding', percent: 50, message: 'webp 2/3' });
    expect(cardState(job, false)).toEqual({ busy: true, stage: 'encoding', percent: 89, text: 'Encoding · 50% · webp 2/3' });
  });

  it('follows the job rather than the starting flag once the job is known', () => {
    expect(cardState(makeJob({ stage: 'uploading', percent: 0 }), true).stage).toBe('uploading');
  });
});
