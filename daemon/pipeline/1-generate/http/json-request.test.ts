import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson, startHttpPeer, type RunningPeer } from '../../../../tests/peers/http-peer.js';
import { jsonRequest, ResponseTooLargeError } from './json-request.js';

let peer: RunningPeer;
beforeAll(async () => {
  peer = await startHttpPeer((req, res) => {
    if (req.url === '/big') return sendJson(res, 200, { data: 'x'.repeat(4096) });
    if (req.url === '/html') {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      return;
    }
    sendJson(res, 201, { ok: true, method: req.method });
  });
});
afterAll(() => peer.close());

describe('jsonRequest', () => {
  it('returns status and parsed JSON without judging the status', async () => {
    const response = await jsonRequest(`${peer.origin}/x`, { method: 'POST', json: { a: 1 }, timeoutMs: 5000 });
    expect([response.status, response.body]).toEqual([201, { ok: true, method: 'POST' }]);
  });

  it('keeps a non-JSON body as text', async () => {
    const response = await jsonRequest(`${peer.origin}/html`, { method: 'GET', timeoutMs: 5000 });
    expect([response.status, response.body, response.text]).toEqual([502, undefined, '<h1>Bad gateway</h1>']);
  });

  it('refuses a body over maxBytes', async () => {
    await expect(jsonRequest(`${peer.origin}/big`, { method: 'GET', timeoutMs: 5000, maxBytes: 1024 })).rejects.toBeInstanceOf(ResponseTooLargeError);
  });
});
