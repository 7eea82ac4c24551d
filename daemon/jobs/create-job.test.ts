import { describe, expect, it } from 'vitest';
import { BASE_DEFAULTS } from '../../shared/styles.js';
import { createJob, requireValidRequest } from './create-job.js';

const actor = { id: 7, name: '0007_a', description: 'a man in a hat', lora_model_url: 's3://m/a.safetensors' };
const create = (params?: object, backend?: string) =>
  createJob({ id: 'job_1', source: 'api', actor, request: { actor_name: actor.name, lora_model_url: actor.lora_model_url, params }, backend });

describe('createJob', () => {
  it('records every parameter the job runs with: a random seed, the default style and its defaults', () => {
    const job = create();
    expect(job.params).toEqual({
      seed: expect.any(Number),
      style: 'cinematic-portrait',
      steps: 35,
      guidance: 7,
      negative_prompt: BASE_DEFAULTS.negative_prompt,
      lora_weight: BASE_DEFAULTS.lora_weight,
    });
    expect(Number.isInteger(job.params!.seed) && job.params!.seed! >= 0 && job.params!.seed! < 2 ** 32).toBe(true);
  });

  it('picks a different seed for each seedless job', () => {
    const seeds = new Set(Array.from({ length: 10 }, () => create().params!.seed));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it("keeps the request's own seed and parameters, and leaves the request as it came", () => {
    const job = create({ seed: 42, style: 'studio-headshot', guidance: 4 });
    expect(job.params).toMatchObject({ seed: 42, style: 'studio-headshot', steps: 30, guidance: 4 });
    expect(job.request.params).toEqual({ seed: 42, style: 'studio-headshot', guidance: 4 });
  });

  it('records the backend when it is given', () => {
    expect(create(undefined, 'runpod').backend).toBe('runpod');
    expect('backend' in create()).toBe(false);
  });
});

describe('requireValidRequest', () => {
  const own = { id: 1, name: '0001_test_20_female', lora_model_url: 's3://m/0001.safetensors' };
  const asked = (lora: string) => ({ actor_name: own.name, lora_model_url: lora });

  it("names another actor's LoRA it refuses", () => {
    expect(() => requireValidRequest(own, asked('s3://m/0002.safetensors'))).toThrow(
      'Expected lora_model_url "s3://m/0001.safetensors" for actor 1 but received "s3://m/0002.safetensors"',
    );
  });

  it('describes a LoRA URL with a signed query string or markup by its length, never repeating it', () => {
    for (const lora of ['https://b.example/x?X-Amz-Signature=secret123', 'https://b.example/<script>']) {
      let error: unknown;
      try {
        requireValidRequest(own, asked(lora));
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({
        code: 'invalid_request',
        details: [{ field: 'lora_model_url', message: expect.stringMatching(/but received a string of \d+ characters/) }],
      });
      expect(JSON.stringify(error) + String(error)).not.toMatch(/secret123|<script>/);
    }
  });
});
