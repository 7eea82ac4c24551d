import type { Actor, Job } from '../../shared/api-types.js';

/** A job as the daemon sends it; override what a test is about. */
export function makeJob(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    source: 'api',
    mode: 'publish',
    actor_id: '1',
    actor_name: '0001_european_20_female',
    request: { actor_name: '0001_european_20_female', lora_model_url: 's3://models/0001.safetensors' },
    status: 'running',
    stage: 'generating',
    percent: 0,
    created_at: '2026-01-01T10:00:00.000Z',
    updated_at: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function makeActor(overrides: Partial<Actor> = {}): Actor {
  return { id: 1, name: '0001_european_20_female', description: 'a young European woman', ...overrides };
}

/** Standard and accelerated URLs as the daemon writes them, with a `?v=` version. */
export function framesFor(name: string, version: string): NonNullable<Actor['poster_frames']> {
  const urls = (base: string) => ({
    webp_sm: `${base}/actors/${name}/poster_frame/${name}_poster_sm.webp?v=${version}`,
    webp_md: `${base}/actors/${name}/poster_frame/${name}_poster_md.webp?v=${version}`,
    webp_lg: `${base}/actors/${name}/poster_frame/${name}_poster_lg.webp?v=${version}`,
  });
  return { standard: urls('http://127.0.0.1:8787/media'), accelerated: urls('https://bucket.s3-accelerate.amazonaws.com') };
}
