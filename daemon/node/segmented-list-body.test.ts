import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../tests/api/start-server.js';
import { generatedLibrary } from '../../tests/support/generated-library.js';
import type { Actor } from '../../shared/api-types.js';
import type { BodyParts } from '../app/app-deps.js';
import { createApp } from '../app/create-app.js';
import { fakeActorsStore, fakeDeps } from '../app/test-support/fake-deps.js';
import { ActorsIndex, indexRow } from '../library/actors-index.js';
import { segmentedListBody } from './segmented-list-body.js';

const bytesOf = ({ parts, length }: BodyParts) => {
  const whole = Buffer.concat(parts);
  expect(whole.length).toBe(length);
  return whole;
};
// Non-ASCII text, so the UTF-8 bytes (and the gzip's size field) differ from the string's length; a
// ~1 kB biography each, so a block (~120 kB) is longer than deflate's 32 KiB window, as in a real library.
const actors = generatedLibrary(1234).map((actor, i) => ({
  ...actor,
  ...(i % 50 === 0 && { description: `Zoë, 東京 ${actor.description} 🎬` }),
  biography: Array.from({ length: 16 }, (_, k) => `${actor.description}, scene ${i * k}`).join('. '),
}));

describe('segmentedListBody', () => {
  it('gzips to exactly the identity body, which is the list as compact JSON, before and after changes', async () => {
    const index = ActorsIndex.of(actors);
    const encode = segmentedListBody();
    // Never asked for identity: its segments are made from the blocks' text, not from kept bytes.
    const gzipOnly = segmentedListBody();
    const check = async (revision: number, expected: Actor[]) => {
      const identity = bytesOf(await encode(revision, index.blocks(), false)).toString();
      expect(identity).toBe(JSON.stringify(expected));
      expect(gunzipSync(bytesOf(await encode(revision, index.blocks(), true))).toString()).toBe(identity);
      expect(gunzipSync(bytesOf(await gzipOnly(revision, index.blocks(), true))).toString()).toBe(identity);
    };
    await check(0, actors);

    const changed = { ...actors[250]!, poster_updated_at: '2026-12-02T08:00:00Z' };
    index.apply([indexRow(changed, 250)], 1);
    await check(1, actors.with(250, changed));

    const first = { ...actors[0]!, name: 'renamed' };
    const last = { ...actors.at(-1)!, description: 'ends the list' };
    index.apply([indexRow(first, 0), indexRow(last, actors.length - 1)], 2);
    await check(2, actors.with(250, changed).with(0, first).with(-1, last));

    index.retain(new Set(actors.slice(0, 500).map((actor) => String(actor.id))), 3);
    await check(3, actors.with(250, changed).with(0, first).slice(0, 500));
  });

  it('gzips the empty list', async () => {
    const encode = segmentedListBody();
    expect(gunzipSync(bytesOf(await encode(0, ActorsIndex.of([]).blocks(), true))).toString()).toBe('[]');
  });

  it('compresses about as well as gzipping the whole list at once', async () => {
    const body = bytesOf(await segmentedListBody()(0, ActorsIndex.of(actors).blocks(), true));
    // Each segment is primed with the previous block's tail, the window a single stream would have.
    expect(body.length / gzipSync(JSON.stringify(actors)).length).toBeLessThan(1.02);
  });
});

describe('GET /api/actors over HTTP with the daemon encoder', () => {
  let server: RunningServer | undefined;
  afterEach(async () => server?.close());

  it("is decompressed by undici's fetch to the identity body, before and after a change, with a matching content-length", async () => {
    const index = ActorsIndex.of(actors);
    const store = { ...fakeActorsStore(actors), listBlocks: async () => ({ revision: index.revision, blocks: index.blocks() }) };
    server = await startServer(createApp(fakeDeps({ actors: store, listBody: segmentedListBody() })));
    const url = `${server.url}/api/actors`;
    const fetchBoth = async () => {
      const identity = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
      expect(identity.headers.get('content-encoding')).toBeNull();
      const text = await identity.text();
      expect(Number(identity.headers.get('content-length'))).toBe(Buffer.byteLength(text));
      const gzip = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      expect(await gzip.text()).toBe(text);
      return { text, etag: gzip.headers.get('etag') ?? '' };
    };

    const before = await fetchBoth();
    expect(before.text).toBe(JSON.stringify(actors));
    expect((await fetch(url, { headers: { 'if-none-match': before.etag } })).status).toBe(304);

    const changed = { ...actors[700]!, poster_updated_at: '2026-12-02T08:00:00Z' };
    index.apply([indexRow(changed, 700)], 1);
    const after = await fetchBoth();
    expect(after.text).toBe(JSON.stringify(actors.with(700, changed)));
    expect(after.etag).not.toBe(before.etag);
    expect((await fetch(url, { headers: { 'if-none-match': before.etag } })).status).toBe(200);
  });
});
