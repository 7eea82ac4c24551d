import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient, createApiClient } from './api-client.js';
import { makeActor, makeJob } from './test-fixtures.js';

/** A loopback daemon stand-in speaking plain HTTP: each test sets how it answers. */
let answer: (req: IncomingMessage, body: string) => { status: number; type?: string; body: string };
const seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      const reply = answer(req, body);
      res.writeHead(reply.status, { 'content-type': reply.type ?? 'application/json' }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createApiClient', () => {
  it('lists actors and a page of jobs as JSON, passing the jobs query on', async () => {
    const actors = [makeActor()];
    const jobs = { jobs: [makeJob()], next_cursor: null };
    answer = (req) => ({ status: 200, body: JSON.stringify(req.url === '/api/actors' ? actors : jobs) });
    const api = createApiClient({ baseUrl });
    expect(await api.listActors()).toEqual(actors);
    expect(await api.listJobs()).toEqual(jobs);
    expect(seen.at(-1)!.url).toBe('/api/jobs');
    await api.listJobs({ status: 'failed', batch: 'b1', limit: 20 });
    expect(seen.at(-1)!.url).toBe('/api/jobs?status=failed&batch=b1&limit=20');
  });

  it('starts a regeneration asynchronously with the seed body', async () => {
    answer = () => ({ status: 202, body: JSON.stringify({ job_id: 'j1', status_url: '/api/jobs/j1' }) });
    const actor = makeActor({ id: 7, name: '0007_x', description: 'a face', lora_model_url: 's3://m/7.safetensors' });
    const accepted = await createApiClient({ baseUrl }).regenerate(actor);
    expect(accepted).toEqual({ job_id: 'j1', status_url: '/api/jobs/j1' });
    const request = seen.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/actors/7/regenerate-poster-frame');
    expect(request.headers.prefer).toBe('respond-async');
    expect(JSON.parse(request.body)).toEqual({ actor_name: '0007_x', lora_model_url: 's3://m/7.safetensors', actor_description: 'a face' });
  });

  it('asks for a preview with a style and a seed, and leaves out parameters nobody chose', async () => {
    answer = () => ({ status: 202, body: JSON.stringify({ job_id: 'j2', status_url: '/api/jobs/j2', joined: false }) });
    const api = createApiClient({ baseUrl });
    await api.regenerate(makeActor({ id: 3 }), { mode: 'preview', params: { style: 'film-noir', seed: 42 } });
    expect(JSON.parse(seen.at(-1)!.body)).toMatchObject({ mode: 'preview', params: { style: 'film-noir', seed: 42 } });
    await api.regenerate(makeActor({ id: 3 }), { mode: 'publish', params: {} });
    const body = JSON.parse(seen.at(-1)!.body);
    expect(body.mode).toBe('publish');
    expect(body).not.toHaveProperty('params');
  });

  it.each([
    ['acceptJob', (api: ApiClient) => api.acceptJob('j 1'), '/api/jobs/j%201/accept', {}],
    ['discardJob', (api: ApiClient) => api.discardJob('j1'), '/api/jobs/j1/discard', {}],
    ['revert', (api: ApiClient) => api.revert('7', 'v3'), '/api/actors/7/revert', { version: 'v3' }],
  ])('%s posts to its route with the token', async (_name, act, url, body) => {
    answer = () => ({ status: 200, body: JSON.stringify({ success: true, job: makeJob() }) });
    const api = createApiClient({ baseUrl });
    api.token = 't0k';
    await act(api);
    const request = seen.at(-1)!;
    expect([request.method, request.url, request.headers.authorization]).toEqual(['POST', url, 'Bearer t0k']);
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it('reads the styles and the history, and treats a daemon without GET /api/styles as having none', async () => {
    const styles = [{ id: 'film-noir', label: 'Film noir', description: 'High contrast', prompt: 'noir', defaults: { steps: 30 } }];
    const history = { actor_id: '7', versions: [] };
    answer = (req) => ({ status: 200, body: JSON.stringify(req.url === '/api/styles' ? { styles } : history) });
    const api = createApiClient({ baseUrl });
    expect(await api.styles()).toEqual(styles);
    expect(await api.history('7')).toEqual(history);
    expect(seen.at(-1)!.url).toBe('/api/actors/7/history');

    answer = () => ({ status: 404, body: JSON.stringify({ success: false, error: 'not_found', message: 'No route' }) });
    expect(await api.styles()).toEqual([]);
  });

  it('rejects an accept the daemon refuses, with its reason', async () => {
    const message = 'Expected a preview job that is not decided yet for job j1 but received one already accepted';
    answer = () => ({ status: 409, body: JSON.stringify({ success: false, error: 'conflict', message }) });
    await expect(createApiClient({ baseUrl }).acceptJob('j1')).rejects.toMatchObject({ status: 409, code: 'conflict', message });
  });

  it.each([
    ['startBatch', (api: ApiClient) => api.startBatch({ actor_ids: ['1', 2] }), '/api/batches', { actor_ids: ['1', 2] }],
    ['cancelBatch', (api: ApiClient) => api.cancelBatch('b/1'), '/api/batches/b%2F1/cancel', {}],
    ['retryBatch', (api: ApiClient) => api.retryBatch('b1'), '/api/batches/b1/retry', {}],
    ['cancelJob', (api: ApiClient) => api.cancelJob('j1'), '/api/jobs/j1/cancel', {}],
  ] as const)('%s POSTs to its route with the token', async (_name, run, url, body) => {
    answer = () => ({ status: 202, body: JSON.stringify({ batch_id: 'b2', status_url: '/api/batches/b2', total: 2 }) });
    const api = createApiClient({ baseUrl });
    api.token = 't';
    await run(api);
    const request = seen.at(-1)!;
    expect([request.method, request.url, request.headers.authorization]).toEqual(['POST', url, 'Bearer t']);
    expect(request.body ? JSON.parse(request.body) : undefined).toEqual(body);
  });

  it('retries a job by sending its own request again for its actor, asynchronously', async () => {
    answer = () => ({ status: 202, body: JSON.stringify({ job_id: 'j2', status_url: '/api/jobs/j2', joined: false }) });
    const job = makeJob({ actor_id: '5', request: { actor_name: '0005_x', lora_model_url: 's3://m/5', params: { style: 'film-noir' } } });
    expect(await createApiClient({ baseUrl }).retryJob(job)).toMatchObject({ job_id: 'j2' });
    const request = seen.at(-1)!;
    expect([request.url, request.headers.prefer]).toEqual(['/api/actors/5/regenerate-poster-frame', 'respond-async']);
    expect(JSON.parse(request.body)).toEqual(job.request);
  });

  it('sends the stored token on mutating requests only, and keeps it in the given storage', async () => {
    answer = (req) => ({
      status: req.method === 'POST' ? 202 : 200,
      body: JSON.stringify(req.method === 'POST' ? { job_id: 'j1', status_url: '/api/jobs/j1' } : []),
    });
    const storage = new Map<string, string>();
    const tokenStorage = { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) };
    const api = createApiClient({ baseUrl, tokenStorage });
    await api.regenerate(makeActor());
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();

    api.token = 's3cret';
    await api.regenerate(makeActor());
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer s3cret');
    await api.listJobs();
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
    // A client made later over the same storage (the page after a reload) still has it.
    expect(createApiClient({ baseUrl, tokenStorage }).token).toBe('s3cret');
  });

  it('reads the server info, and treats a daemon without GET /api/info (404) as unknown', async () => {
    const info = {
      generator: { kind: 'builtin', uses_lora: false, typical_seconds: 0.3 },
      storage: 'local',
      actors: { count: 14, file_present: true },
      api_token_required: false,
    };
    answer = () => ({ status: 200, body: JSON.stringify(info) });
    expect(await createApiClient({ baseUrl }).info()).toEqual(info);
    expect(seen.at(-1)!.url).toBe('/api/info');

    answer = () => ({ status: 404, body: JSON.stringify({ success: false, error: 'not_found', message: 'No route' }) });
    expect(await createApiClient({ baseUrl }).info()).toBeUndefined();
    answer = () => ({ status: 500, body: JSON.stringify({ success: false, error: 'internal_error', message: 'Broken' }) });
    await expect(createApiClient({ baseUrl }).info()).rejects.toMatchObject({ status: 500, message: 'Broken' });
  });

  it("rejects with the server's error code and message", async () => {
    const body = { success: false, error: 'actor_not_found', message: 'No actor with id 99. Check the id.', details: { id: '99' } };
    answer = () => ({ status: 404, body: JSON.stringify(body) });
    const error = await createApiClient({ baseUrl })
      .getJob('x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'actor_not_found', message: body.message, details: body.details });
  });

  it('spells out field issues of a refused request', async () => {
    const details = [
      { field: 'actor_name', message: 'Expected actor_name of 1-128 letters' },
      { field: 'lora_model_url', message: 'Expected lora_model_url to be an s3:// URL' },
    ];
    answer = () => ({ status: 400, body: JSON.stringify({ success: false, error: 'invalid_request', message: 'The body is wrong; see details', details }) });
    await expect(createApiClient({ baseUrl }).regenerate(makeActor())).rejects.toMatchObject({
      code: 'invalid_request',
      message: 'The body is wrong (actor_name: Expected actor_name of 1-128 letters; lora_model_url: Expected lora_model_url to be an s3:// URL)',
      details,
    });
  });

  it('names the status when the error body is not JSON', async () => {
    answer = () => ({ status: 502, type: 'text/html', body: '<h1>Bad gateway</h1>' });
    await expect(createApiClient({ baseUrl }).listActors()).rejects.toMatchObject({
      status: 502,
      code: 'bad_response',
      message: 'The daemon answered 502 Bad Gateway',
    });
  });

  it('says what to do when the daemon cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(createApiClient({ baseUrl: url }).listActors()).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
      message: expect.stringContaining('Check that it is running'),
    });
  });
});
