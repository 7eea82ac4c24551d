import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpPeer, type RunningPeer } from '../peers/http-peer.js';
import { startRunpodPeer, type RunpodPeer } from '../peers/runpod-peer.js';
import { builtinPosterPng } from '../support/builtin-poster.js';
import { requestFor, sampleActors } from '../support/sample-actors.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';

/**
 * SSRF through the backend's image URL: a RunPod worker answers with a URL of an internal server
 * (here one on loopback that counts its hits). The daemon must refuse every spelling of loopback,
 * on every redirect hop, without one request reaching that server, unless DOWNLOAD_ALLOW_PRIVATE
 * names it. Both daemons here trust RunPod's own base URL on loopback: configuration is not filtered.
 */

const API_KEY = 'rp_test_key';
const ENDPOINT = 'ssrf-endpoint';
const actors = sampleActors(1);
let internal: RunningPeer;
let internalHits: string[];
let port: string;
let runpod: RunpodPeer;
let poster: Uint8Array;
let allowsLocalhost: TestDaemon;
let allowsNothing: TestDaemon;

const startDaemon = (allowPrivate: string) =>
  startTestDaemon({
    actors,
    env: { ...runpod.env, RUNPOD_PRESIGN_LORA: 'false', DOWNLOAD_ALLOW_PRIVATE: allowPrivate },
  });

beforeAll(async () => {
  poster = await builtinPosterPng(actors[0]!.name, { seed: 7, description: 'internal' });
  internalHits = [];
  internal = await startHttpPeer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://internal');
    internalHits.push(`${req.headers.host}${url.pathname}`);
    if (url.pathname === '/redirect') return void res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    res.writeHead(200, { 'content-type': 'image/png' }).end(poster);
  });
  port = new URL(internal.origin).port;
  runpod = await startRunpodPeer({ apiKey: API_KEY, endpointId: ENDPOINT });
  // '' is unset: the default, which allows no private address at all.
  [allowsLocalhost, allowsNothing] = await Promise.all([startDaemon('localhost'), startDaemon('')]);
}, 60_000);
afterAll(async () => {
  await Promise.all([allowsLocalhost?.dispose(), allowsNothing?.dispose()]);
  await Promise.all([runpod?.close(), internal?.close()]);
});

async function regenerateFrom(daemon: TestDaemon, imageUrl: string): Promise<{ status: number; body: { error?: string; message?: string } }> {
  runpod.setScenario({ steps: [{ status: 'IN_PROGRESS' }, { status: 'COMPLETED', output: { image_url: imageUrl } }] });
  const response = await fetch(`${daemon.url}/api/actors/1/regenerate-poster-frame`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(requestFor(actors[0]!)),
  });
  return { status: response.status, body: (await response.json()) as { error?: string; message?: string } };
}

describe('the download stage against an internal server', () => {
  it.each<[string, (port: string) => string]>([
    ['127.0.0.1', (p) => `http://127.0.0.1:${p}/poster.png`],
    ['IPv4-mapped IPv6 [::ffff:127.0.0.1]', (p) => `http://[::ffff:127.0.0.1]:${p}/poster.png`],
    ['decimal 2130706433', (p) => `http://2130706433:${p}/poster.png`],
    ['octal 0177.0.0.1', (p) => `http://0177.0.0.1:${p}/poster.png`],
    ['hex 0x7f.0.0.1', (p) => `http://0x7f.0.0.1:${p}/poster.png`],
    ['an allowed host redirecting to 127.0.0.1', (p) => `http://localhost:${p}/redirect?to=${encodeURIComponent(`http://127.0.0.1:${p}/poster.png`)}`],
  ])('refuses %s: 502 download_failed, the internal image never fetched, nothing published', async (_form, url) => {
    const before = await readFile(allowsLocalhost.actorsFile, 'utf8');
    internalHits.length = 0;
    const { status, body } = await regenerateFrom(allowsLocalhost, url(port));

    expect(status).toBe(502);
    expect(body).toMatchObject({
      error: 'download_failed',
      message: expect.stringMatching(/Refused to download the image from .*loopback address.*DOWNLOAD_ALLOW_PRIVATE/),
    });
    expect(internalHits.filter((hit) => hit.endsWith('/poster.png'))).toEqual([]);
    expect(await readFile(allowsLocalhost.actorsFile, 'utf8')).toBe(before);
  });

  it('refuses a host name that resolves to loopback (localhost) when DOWNLOAD_ALLOW_PRIVATE is unset', async () => {
    internalHits.length = 0;
    const { status, body } = await regenerateFrom(allowsNothing, `http://localhost:${port}/poster.png`);

    expect(status).toBe(502);
    expect(body.message).toMatch(/Refused to download the image from localhost \(it resolves to (127\.0\.0\.1|::1)\)/);
    expect(internalHits).toEqual([]);
  });

  it('downloads and publishes from the host DOWNLOAD_ALLOW_PRIVATE names', async () => {
    internalHits.length = 0;
    const { status } = await regenerateFrom(allowsLocalhost, `http://localhost:${port}/poster.png`);

    expect(status).toBe(200);
    expect(internalHits).toEqual([`localhost:${port}/poster.png`]);
    const [saved] = JSON.parse(await readFile(allowsLocalhost.actorsFile, 'utf8')) as { poster_frames?: unknown }[];
    expect(saved?.poster_frames).toBeDefined();
  });
});
