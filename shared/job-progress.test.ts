import { describe, expect, it } from 'vitest';
import { batchPercent, overallPercent, progressText } from './job-progress.js';

describe('overallPercent', () => {
  it.each([
    ['queued', 'queued', 0, 0],
    ['running', 'generating', 0, 5],
    ['running', 'generating', 50, 43],
    ['running', 'generating', 100, 80],
    ['running', 'encoding', 0, 85],
    ['running', 'saving', 100, 100],
    ['done', 'saving', 0, 100],
    ['running', 'uploading', 250, 97],
    ['running', 'uploading', -5, 92],
    ['running', 'uploading', Number.NaN, 92],
  ] as const)('%s in %s at %d%% is %d%% overall', (status, stage, percent, expected) => {
    expect(overallPercent({ status, stage, percent })).toBe(expected);
  });
});

describe('progressText', () => {
  it.each([
    [{ status: 'running', stage: 'generating', percent: 40 }, 'Generating · 35%'],
    [{ status: 'running', stage: 'generating', percent: 50, message: 'step 15/30' }, 'Generating · 43% · step 15/30'],
    [{ status: 'queued', stage: 'queued', percent: 0, message: 'queued' }, 'Queued · 0%'],
    [{ status: 'running', stage: 'uploading', percent: 100, message: '  ' }, 'Uploading · 97%'],
  ] as const)('%o reads "%s"', (job, expected) => {
    expect(progressText(job)).toBe(expected);
  });

  it('shows the same percent as the progress bar', () => {
    const job = { status: 'running', stage: 'encoding', percent: 60 } as const;
    expect(progressText(job)).toContain(`${overallPercent(job)}%`);
  });
});

describe('batchPercent', () => {
  it('averages the jobs, a settled job counting as 100', () => {
    const jobs = [
      { status: 'done', stage: 'saving', percent: 100 },
      { status: 'failed', stage: 'generating', percent: 10 },
      { status: 'running', stage: 'encoding', percent: 0 },
      { status: 'queued', stage: 'queued', percent: 0 },
    ] as const;
    expect(batchPercent(jobs)).toBe(Math.round((100 + 100 + 85 + 0) / 4));
  });

  it('is 100 for a batch with no jobs and 0 for one that has not started', () => {
    expect(batchPercent([])).toBe(100);
    expect(batchPercent([{ status: 'queued', stage: 'queued', percent: 0 }])).toBe(0);
  });
});
