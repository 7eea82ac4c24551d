import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../shared/api-types.js';
import { createApp } from '../../daemon/app/create-app.js';
import { SEED_REQUEST, SEED_RESPONSE, fakeDeps } from '../../daemon/app/test-support/fake-deps.js';
import { startServer, type RunningServer } from './start-server.js';

const LIMIT = 512;
const PATH = '/api/actors/1/regenerate-poster-frame';

/** A request body sent with chunked transfer encoding (no Content-Length), in pieces of `size` bytes. */
function chunkedBody(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

describe('POST regenerate over real HTTP', () => {
  let server: RunningServer;
  afterEach(() => server.close());

  async function start(deps = fakeDeps({ bodyLimitBytes: LIMIT })) {
    server = await startServer(createApp(deps));
    return deps;
  }

  const post = (body: BodyInit, init: RequestInit = {}) =>
    fetch(`${server.url}${PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, ...init });

  it('answers 200 with the seed response', async () => {
    await start();
    const res = await post(JSON.stringify(SEED_REQUEST));

    expect(res.status).toBe(200);
    expect(await res.json()).toStrictEqual(SEED_RESPONSE);
  });

  it('answers 413 JSON for a body over the limit with a Content-Length', async () => {
    const deps = await start();
    const res = await post(JSON.stringify({ ...SEED_REQUEST, actor_description: 'x'.repeat(LIMIT) }));

    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ success: false, error: 'payload_too_large' });
    expect(deps.jobs.submitted).toEqual([]);
  });

  it('answers 413 JSON for a chunked body that grows over the limit', async () => {
    const deps = await start();
    const body = chunkedBody(JSON.stringify({ ...SEED_REQUEST, actor_description: 'x'.repeat(LIMIT) }), 200);
    const res = await post(body, { duplex: 'half' } as RequestInit);

    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.status).toBe(413);
    expect(deps.jobs.submitted).toEqual([]);
  });

  it('accepts a chunked body under the limit', async () => {
    await start();
    const res = await post(chunkedBody(JSON.stringify(SEED_REQUEST), 40), { duplex: 'half' } as RequestInit);

    expect(res.status).toBe(200);
    expect(await res.json()).toStrictEqual(SEED_RESPONSE);
  });

  it('stops waiting for the job when the client hangs up', async () => {
    const deps = fakeDeps({ bodyLimitBytes: LIMIT });
    let waitAborted = false;
    deps.jobs.waitFor = (_id: string, signal?: AbortSignal) =>
      new Promise<Job>((_resolve, reject) => {
        signal?.addEventListener('abort', () => {
          waitAborted = true;
          reject(signal.reason);
        });
      });
    await start(deps);
    const client = new AbortController();
    const pending = post(JSON.stringify(SEED_REQUEST), { signal: client.signal }).catch((error: unknown) => error);

    await vi.waitFor(() => expect(deps.jobs.submitted).toHaveLength(1));
    client.abort();

    await vi.waitFor(() => expect(waitAborted).toBe(true));
    expect(await pending).toBeInstanceOf(Error);
  });
});
