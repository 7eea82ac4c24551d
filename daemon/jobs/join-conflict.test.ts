import { describe, expect, it } from 'vitest';
import type { GenerationParams, Job } from '../../shared/api-types.js';
import { PipelineError } from '../errors.js';
import { createJob } from './create-job.js';
import { requireJoinable } from './join-conflict.js';

const actor = { id: 1, name: '0001_a', lora_model_url: 's3://m/a.safetensors' };
const request = (params?: GenerationParams) => ({ actor_name: actor.name, lora_model_url: actor.lora_model_url, params });
const runningJob = (params?: GenerationParams): Job => ({ ...createJob({ id: 'job_1', source: 'api', actor, request: request(params) }), status: 'running' });

function conflictOf(job: Job, params?: GenerationParams): PipelineError {
  try {
    requireJoinable(job, request(params));
  } catch (error) {
    if (error instanceof PipelineError) return error;
    throw error;
  }
  throw new Error('Expected a conflict but the request was joinable');
}

describe('requireJoinable', () => {
  it.each<[string, GenerationParams | undefined, GenerationParams | undefined]>([
    ['no params twice (the double click)', undefined, undefined],
    ['the same style, no seed', { style: 'golden-hour' }, { style: 'golden-hour' }],
    ["the style's defaults spelt out", { style: 'film-noir' }, { style: 'film-noir', steps: 32, guidance: 7.5 }],
    ['the default style named', undefined, { style: 'cinematic-portrait' }],
  ])('joins %s', (_case, runningParams, asked) => {
    expect(() => requireJoinable(runningJob(runningParams), request(asked))).not.toThrow();
  });

  it("joins when the request names the running job's own seed", () => {
    const job = runningJob();
    expect(() => requireJoinable(job, request({ seed: job.params!.seed }))).not.toThrow();
  });

  it.each<[string, GenerationParams | undefined, GenerationParams, string[]]>([
    ['another style', undefined, { style: 'film-noir' }, ['params.style', 'params.steps', 'params.guidance', 'params.negative_prompt']],
    ['another seed', { seed: 1 }, { seed: 2 }, ['params.seed']],
    ['other steps', { style: 'golden-hour' }, { style: 'golden-hour', steps: 10 }, ['params.steps']],
    ['another LoRA weight', undefined, { lora_weight: 1.5 }, ['params.lora_weight']],
  ])('refuses %s with a 409 conflict naming each differing field', (_case, runningParams, asked, fields) => {
    const error = conflictOf(runningJob(runningParams), asked);
    expect(error.code).toBe('conflict');
    expect((error.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(fields);
  });

  it('says what the job runs with, what was asked and what to do', () => {
    const error = conflictOf(runningJob({ seed: 1, style: 'golden-hour' }), { seed: 2, style: 'golden-hour' });
    expect(error.message).toBe(
      'Expected the parameters of job job_1, already running for actor 1 (seed 1) but received seed 2; wait until it has finished (GET /api/jobs/job_1) and send the request again, or send its parameters to join it',
    );
  });

  it('compares a job recorded before jobs carried their params on its request, any seed matching', () => {
    const { params: _dropped, ...legacy } = runningJob({ style: 'film-noir' });
    expect(() => requireJoinable(legacy, request({ style: 'film-noir', seed: 9 }))).not.toThrow();
    expect(conflictOf(legacy, { style: 'golden-hour' }).code).toBe('conflict');
  });
});
