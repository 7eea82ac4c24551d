import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../errors.js';
import { createApp } from '../create-app.js';
import { SEED_REQUEST, SEED_RESPONSE, fakeDeps, memoryLogger } from '../test-support/fake-deps.js';

const URL_1 = '/api/actors/1/regenerate-poster-frame';

function post(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

describe('POST /api/actors/:actorId/regenerate-poster-frame', () => {
  it('waits for the job and answers 200 with exactly the seed response', async () => {
    const deps = fakeDeps();
    const res = await createApp(deps).request(URL_1, post(SEED_REQUEST));

    expect(res.status).toBe(200);
    expect(await res.json()).toStrictEqual(SEED_RESPONSE);
    expect(deps.jobs.submitted).toEqual([{ source: 'api', actor: expect.objectContaining({ id: 1 }), request: SEED_REQUEST }]);
    expect(deps.jobs.waitedFor).toEqual(['job-1']);
  });

  it("records the job as the CLI's when the CLI submits it (X-Posterframe-Client: cli)", async () => {
    const deps = fakeDeps();
    await createApp(deps).request(URL_1, post(SEED_REQUEST, { 'X-Posterframe-Client': 'cli' }));
    await createApp(deps).request(URL_1, post(SEED_REQUEST, { 'X-Posterframe-Client': 'something else' }));

    expect(deps.jobs.submitted.map((submitted) => submitted.source)).toEqual(['cli', 'api']);
  });

  it('logs the regeneration at info with the job id', async () => {
    const { logger, lines } = memoryLogger();
    await createApp(fakeDeps({ logger })).request(URL_1, post(SEED_REQUEST));

    expect(lines).toContainEqual(expect.objectContaining({ level: 30, jobId: 'job-1', actorId: '1' }));
  });

  it('answers 202 with the job id, status URL and Location at once when Prefer: respond-async', async () => {
    const deps = fakeDeps();
    const res = await createApp(deps).request(URL_1, post(SEED_REQUEST, { Prefer: 'wait=5, respond-async' }));

    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ job_id: 'job-1', status_url: '/api/jobs/job-1', joined: false });
    expect(res.headers.get('Location')).toBe('/api/jobs/job-1');
    expect(deps.jobs.waitedFor).toEqual([]);

    const job = await createApp(deps).request('/api/jobs/job-1');
    expect(await job.json()).toMatchObject({ id: 'job-1', status: 'queued', source: 'api' });
  });

  it.each([
    ['malformed JSON', '{"actor_name": ', 'application/json'],
    ['a non-JSON content type', JSON.stringify(SEED_REQUEST), 'text/plain'],
  ])('answers 400 invalid_request for %s', async (_case, body, contentType) => {
    const deps = fakeDeps();
    const res = await createApp(deps).request(URL_1, { method: 'POST', headers: { 'Content-Type': contentType }, body });

    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ success: false, error: 'invalid_request', message: expect.stringMatching(/JSON/) });
    expect(deps.jobs.submitted).toEqual([]);
  });

  it.each([
    [
      'an unknown field',
      { ...SEED_REQUEST, colour: 'red' },
      '(body)',
      /^Expected only the documented fields in the request body but received unknown field\(s\): colour$/,
    ],
    ['a number for actor_name', { ...SEED_REQUEST, actor_name: 7 }, 'actor_name', /^Expected a name of 1-128 letters.* for actor_name but received number 7$/],
    ['a missing lora_model_url', { actor_name: SEED_REQUEST.actor_name }, 'lora_model_url', /lora_model_url/],
    ['a bad nested param', { ...SEED_REQUEST, params: { steps: 'many' } }, 'params.steps', /./],
  ])('answers 400 with field details for %s', async (_case, body, field, message) => {
    const res = await createApp(fakeDeps()).request(URL_1, post(body));

    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json).toMatchObject({ success: false, error: 'invalid_request' });
    expect(json.details).toContainEqual({ field, message: expect.stringMatching(message) });
  });

  it("answers 400 with an actor_name field issue when the name is not the actor's", async () => {
    const deps = fakeDeps();
    const res = await createApp(deps).request('/api/actors/2/regenerate-poster-frame', post(SEED_REQUEST));

    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_request',
      details: [{ field: 'actor_name', message: 'Expected actor_name "0002_african_30_male" for actor 2 but received "0001_european_20_female"' }],
    });
    expect(deps.jobs.submitted).toEqual([]);
  });

  it('answers 404 actor_not_found for an unknown actor', async () => {
    const res = await createApp(fakeDeps()).request('/api/actors/999/regenerate-poster-frame', post(SEED_REQUEST));

    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ success: false, error: 'actor_not_found', message: expect.stringContaining('999') });
  });

  it.each([
    ['generation_failed', 502],
    ['download_failed', 502],
    ['invalid_image', 502],
    ['storage_failed', 500],
    ['actors_file_corrupt', 500],
  ] as const)('answers a job failed with %s as %i, passing the message on', async (code, status) => {
    const deps = fakeDeps();
    deps.jobs.outcome = { error: { error: code, message: `RunPod said: CUDA out of memory (${code})`, stage: 'generating', details: { attempt: 2 } } };
    const res = await createApp(deps).request(URL_1, post(SEED_REQUEST));

    expect(res.status).toBe(status);
    expect(await res.json()).toStrictEqual({
      success: false,
      error: code,
      message: `RunPod said: CUDA out of memory (${code})`,
      details: { attempt: 2 },
    });
  });

  it('answers 503 when the daemon no longer takes work', async () => {
    const deps = fakeDeps();
    deps.jobs.submit = async () => {
      throw new PipelineError('shutting_down', 'The daemon is shutting down; retry in a moment');
    };
    const res = await createApp(deps).request(URL_1, post(SEED_REQUEST));

    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'shutting_down' });
  });

  it('answers an unexpected error with a bare 500 and logs it with the error', async () => {
    const { logger, lines } = memoryLogger();
    const deps = fakeDeps({ logger });
    deps.jobs.submit = async () => {
      throw new TypeError('secret internals at /srv/x.ts:12');
    };
    const res = await createApp(deps).request(URL_1, post(SEED_REQUEST));

    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ success: false, error: 'internal_error' });
    expect(text).not.toContain('secret internals');
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, err: expect.objectContaining({ message: 'secret internals at /srv/x.ts:12' }) }));
  });

  it('answers 413 payload_too_large over the body limit', async () => {
    const deps = fakeDeps({ bodyLimitBytes: 100 });
    const res = await createApp(deps).request(URL_1, post({ ...SEED_REQUEST, actor_description: 'x'.repeat(200) }));

    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ success: false, error: 'payload_too_large', message: expect.stringContaining('100 bytes') });
    expect(deps.jobs.submitted).toEqual([]);
  });
});
