import { describe, expect, it } from 'vitest';
import { durationText, groupByBatch, jobFacts, matchesFilter, STATUS_FILTERS } from './job-board.js';
import { makeJob } from './test-fixtures.js';

describe('matchesFilter', () => {
  it.each([
    ['queued', ['all', 'active']],
    ['running', ['all', 'active']],
    ['done', ['all', 'done']],
    ['failed', ['all', 'failed']],
    ['cancelled', ['all', 'cancelled']],
  ] as const)('a %s job shows under %j', (status, filters) => {
    expect(STATUS_FILTERS.filter((filter) => matchesFilter({ status }, filter))).toEqual(filters);
  });
});

describe('groupByBatch', () => {
  it("gathers a batch's jobs where its newest stands and keeps single jobs apart, in order", () => {
    const jobs = [
      makeJob({ id: 'b1-3', batch_id: 'b1' }),
      makeJob({ id: 'solo' }),
      makeJob({ id: 'b1-2', batch_id: 'b1' }),
      makeJob({ id: 'b2-1', batch_id: 'b2' }),
      makeJob({ id: 'b1-1', batch_id: 'b1' }),
    ];
    expect(groupByBatch(jobs).map((g) => [g.batchId, g.jobs.map((j) => j.id)])).toEqual([
      ['b1', ['b1-3', 'b1-2', 'b1-1']],
      [undefined, ['solo']],
      ['b2', ['b2-1']],
    ]);
  });
});

describe('jobFacts', () => {
  it('shows the seed and style the job ran with and how long it took', () => {
    const job = makeJob({
      status: 'done',
      params: { seed: 1234, style: 'film-noir' },
      created_at: '2026-01-01T10:00:00.000Z',
      started_at: '2026-01-01T10:00:05.000Z',
      finished_at: '2026-01-01T10:00:47.000Z',
    });
    expect(jobFacts(job)).toEqual(['seed 1234', 'Film noir', '42 s']);
  });

  it("falls back to the request's parameters and leaves out what is unknown", () => {
    expect(jobFacts(makeJob({ request: { actor_name: 'a', lora_model_url: 'x', params: { style: 'retired-style' } } }))).toEqual(['retired-style']);
    expect(jobFacts(makeJob())).toEqual([]);
  });
});

describe('durationText', () => {
  it.each([
    [800, '0.8 s'],
    [42_000, '42 s'],
    [185_000, '3 min 5 s'],
  ])('%i ms reads %s', (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });
});
