import { afterEach, describe, expect, it } from 'vitest';
import { readJson, sendJson, startHttpPeer, type RunningPeer } from '../../tests/peers/http-peer.js';
import { createDaemonClient } from './daemon-client.js';

/** The CLI's HTTP client against a loopback server that answers as a daemon would (its edge cases on demand). */
let peer: RunningPeer | undefined;
afterEach(() => peer?.close());

const REQUEST = { actor_name: 'a', lora_model_url: 's3://m/a.safetensors' };

describe('createDaemonClient', () => {
  it('submits with Prefer: respond-async and the bearer token, waiting out a 429 as Retry-After says', async () => {
    const seen: { prefer?: string; authorization?: string; body: unknown }[] = [];
    peer = await startHttpPeer(async (req, res) => {
      seen.push({ prefer: String(req.headers.prefer), authorization: req.headers.authorization, body: await readJson(req) });
      if (seen.length === 1) return sendJson(res, 429, { success: false, error: 'rate_limited', message: 'slow down' }, { 'retry-after': '0' });
      sendJson(res, 202, { job_id: 'job_1', status_url: '/api/jobs/job_1' });
    });
    const client = createDaemonClient(peer.origin, 'the token');
    expect(await client.submit('7', REQUEST)).toBe('job_1');
    expect(seen).toEqual([1, 2].map(() => ({ prefer: 'respond-async', authorization: 'Bearer the token', body: REQUEST })));
  });

  it("turns an error answer into a PipelineError with the daemon's code and message", async () => {
    peer = await startHttpPeer((_, res) => sendJson(res, 404, { success: false, error: 'actor_not_found', message: 'No actor with id or name "x"' }));
    await expect(createDaemonClient(peer.origin).actor('x')).rejects.toMatchObject({ code: 'actor_not_found', message: 'No actor with id or name "x"' });
  });

  it('reads server-sent events from after a Last-Event-ID', async () => {
    let lastEventId: string | undefined;
    peer = await startHttpPeer((req, res) => {
      lastEventId = req.headers['last-event-id'] as string | undefined;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('retry: 3000\n\nevent: job\nid: 8\ndata: {"id":"job_1"}\n\n');
    });
    const frames = [];
    for await (const frame of createDaemonClient(peer.origin).events('7', new AbortController().signal)) frames.push(frame);
    expect(lastEventId).toBe('7');
    expect(frames).toMatchObject([{ retry: 3000 }, { event: 'job', id: '8', data: '{"id":"job_1"}' }]);
  });

  it('answers no instance id when nothing answers /healthz', async () => {
    peer = await startHttpPeer((_, res) => sendJson(res, 503, { success: false, error: 'shutting_down', message: 'bye' }));
    expect(await createDaemonClient(peer.origin).instanceId()).toBeUndefined();
  });
});
