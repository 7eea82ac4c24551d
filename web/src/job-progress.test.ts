import { describe, expect, it } from 'vitest';
import { overallPercent, progressText } from './job-progress.js';

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
    [{ stage: 'generating', percent: 40 }, 'Generating · 40%'],
    [{ stage: 'generating', percent: 40.6, message: 'step 12/30' }, 'Generating · 41% · step 12/30'],
    [{ stage: 'queued', percent: 0, message: 'queued' }, 'Queued · 0%'],
    [{ stage: 'uploading', percent: 100, message: '  ' }, 'Uploading · 100%'],
  ] as const)('%o reads "%s"', (job, expected) => {
    expect(progressText(job)).toBe(expected);
  });
});
