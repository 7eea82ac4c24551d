import { afterEach, describe, expect, it } from 'vitest';
import { createBuiltinGenerator } from '../../daemon/pipeline/1-generate/builtin-generator.js';
import type { Generator } from '../../daemon/pipeline/1-generate/generator.js';
import type { Job, StylesResponse } from '../../shared/api-types.js';
import { STYLE_PRESETS } from '../../shared/styles.js';
import { postJson } from '../support/post-json.js';
import { requestFor, sampleActors } from '../support/sample-actors.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';

let daemon: TestDaemon | undefined;
afterEach(async () => {
  await daemon?.dispose();
  daemon = undefined;
});

const post = postJson;
const bytesAt = async (url: string) => Buffer.from(await (await fetch(new URL(url, daemon!.url))).arrayBuffer());

/** The built-in generator held at its start until `release()`, so a job stays running while a test asks again. */
function gatedGenerator(): { generator: Generator; release(): void } {
  const builtin = createBuiltinGenerator();
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { generator: { name: 'builtin', generate: async (request) => gate.then(() => builtin.generate(request)) }, release };
}

describe('seeds and styles over real HTTP', () => {
  it('publishes different images with different recorded seeds for two regenerations without a seed', async () => {
    const actors = sampleActors(1);
    daemon = await startTestDaemon({ actors });
    const url = `${daemon.url}/api/actors/1/regenerate-poster-frame`;
    // The canonical key serves whatever is published now, so each poster is read before the next replaces it.
    const first = await (await post(url, requestFor(actors[0]!))).json();
    const firstBytes = await bytesAt(first.poster_frames.standard.webp_lg);
    const second = await (await post(url, requestFor(actors[0]!))).json();
    const secondBytes = await bytesAt(second.poster_frames.standard.webp_lg);
    expect(second.poster_frames.standard.webp_lg).not.toBe(first.poster_frames.standard.webp_lg);
    expect(firstBytes.length > 0 && !firstBytes.equals(secondBytes)).toBe(true);
    // Each publish carries the ThumbHash placeholder computed when it was encoded.
    expect([first, second].map((body) => body.poster_frames.placeholder)).toEqual([expect.stringMatching(/^[A-Za-z0-9+/]{20,}={0,2}$/), expect.any(String)]);
    expect(second.poster_frames.placeholder).not.toBe(first.poster_frames.placeholder);

    const jobs: Job[] = await (await fetch(`${daemon.url}/api/jobs`)).json().then((body) => (Array.isArray(body) ? body : body.jobs));
    expect(jobs).toHaveLength(2);
    const [newer, older] = jobs as [Job, Job];
    expect(newer.params?.seed).not.toBe(older.params?.seed);
    for (const job of jobs) {
      expect(job.backend).toBe('builtin');
      expect(job.params).toEqual({
        seed: expect.any(Number),
        style: 'cinematic-portrait',
        steps: 35,
        guidance: 7,
        negative_prompt: expect.any(String),
        lora_weight: 0.8,
      });
    }
  });

  it('records the asked style and seed, and the same request gives the same poster again', async () => {
    const actors = sampleActors(1);
    daemon = await startTestDaemon({ actors });
    const url = `${daemon.url}/api/actors/1/regenerate-poster-frame`;
    const body = { ...requestFor(actors[0]!), params: { style: 'film-noir', seed: 1234 } };
    const first = await (await post(url, body)).json();
    const again = await (await post(url, body)).json();
    expect(again.poster_frames).toEqual(first.poster_frames);
    const jobs: Job[] = await (await fetch(`${daemon.url}/api/jobs`)).json().then((b) => (Array.isArray(b) ? b : b.jobs));
    expect(jobs.map((job) => job.params)).toEqual([1, 2].map(() => expect.objectContaining({ style: 'film-noir', seed: 1234, steps: 32, guidance: 7.5 })));
  });

  it('serves the style presets', async () => {
    daemon = await startTestDaemon({ actors: sampleActors(1) });
    const body: StylesResponse = await (await fetch(`${daemon.url}/api/styles`)).json();
    expect(body.styles).toEqual(STYLE_PRESETS);
  });

  it('answers 409 conflict to a request for a running job with other parameters, and joins one with the same', async () => {
    const actors = sampleActors(1);
    const gated = gatedGenerator();
    daemon = await startTestDaemon({ actors, overrides: { generator: gated.generator } });
    const url = `${daemon.url}/api/actors/1/regenerate-poster-frame`;
    const golden = { ...requestFor(actors[0]!), params: { style: 'golden-hour' } };
    const started = await post(url, golden, { prefer: 'respond-async' });
    expect(started.status).toBe(202);
    const { job_id } = await started.json();

    const refused = await post(url, { ...golden, params: { style: 'studio-headshot' } }, { prefer: 'respond-async' });
    expect(refused.status).toBe(409);
    const error = await refused.json();
    expect(error).toMatchObject({ success: false, error: 'conflict', details: { job_id } });
    expect(error.message).toContain('style "golden-hour"');
    expect(error.message).toContain('style "studio-headshot"');

    const joined = await post(url, golden, { prefer: 'respond-async' });
    expect(await joined.json()).toMatchObject({ job_id, joined: true });
    gated.release();
    const done: Job = await (await fetch(`${daemon.url}/api/jobs/${job_id}`)).json();
    expect(done.params?.style).toBe('golden-hour');
  });
});
