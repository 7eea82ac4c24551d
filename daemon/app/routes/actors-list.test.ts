import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Actor, ActorsPage } from '../../../shared/api-types.js';
import { createApp } from '../create-app.js';
import { fakeActorsStore, fakeDeps } from '../test-support/fake-deps.js';

const actors: Actor[] = [
  { id: 1, name: 'carol', description: 'a violinist', poster_updated_at: '2026-01-02T00:00:00Z' },
  { id: 2, name: 'alice', description: 'a painter' },
  { id: 3, name: 'bob', description: 'a VIOLIN maker', poster_updated_at: '2026-01-03T00:00:00Z' },
  { id: 4, name: 'dave', description: 'a drummer', extra: { kept: true } },
];
const app = () => createApp(fakeDeps({ actors: fakeActorsStore(actors) }));

async function allPages(query: string): Promise<{ names: string[]; totals: number[] }> {
  const names: string[] = [];
  const totals: number[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const res = await app().request(`/api/actors?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as ActorsPage;
    names.push(...page.actors.map((a) => a.name));
    totals.push(page.total);
    cursor = page.next_cursor;
  }
  return { names, totals };
}

describe('GET /api/actors at scale', () => {
  it('answers an ETag, then 304 without a body for If-None-Match with it', async () => {
    const first = await app().request('/api/actors');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(await first.json()).toStrictEqual(actors);
    const again = await app().request('/api/actors', { headers: { 'if-none-match': `"other", ${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await app().request('/api/actors', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('gzips the list for a client that accepts it', async () => {
    const res = await app().request('/api/actors', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('accept-encoding');
    expect(JSON.parse(gunzipSync(new Uint8Array(await res.arrayBuffer())).toString())).toStrictEqual(actors);
  });

  it.each([
    ['limit=3', ['carol', 'alice', 'bob', 'dave']],
    ['limit=1&sort=name', ['alice', 'bob', 'carol', 'dave']],
    ['limit=2&sort=updated', ['bob', 'carol', 'alice', 'dave']],
    ['limit=1&q=violin&sort=name', ['bob', 'carol']],
  ])('pages through ?%s with next_cursor, each page telling the total', async (query, expected) => {
    const { names, totals } = await allPages(query);
    expect(names).toEqual(expected);
    expect(new Set(totals)).toEqual(new Set([expected.length]));
  });

  it('keeps unknown fields in a page', async () => {
    const page = (await (await app().request('/api/actors?q=dave')).json()) as ActorsPage;
    expect(page).toStrictEqual({ actors: [actors[3]], next_cursor: null, total: 1 });
  });

  it.each([
    ['limit=0', 'Expected an integer from 1 to 1000 for limit but received "0"'],
    ['limit=x', 'Expected an integer from 1 to 1000 for limit but received "x"'],
    ['sort=age', 'Expected one of file, name, updated for sort but received "age"'],
    ['cursor=nonsense', 'Expected a next_cursor from a previous page for cursor but received "nonsense"'],
  ])('answers 400 naming the parameter for ?%s', async (query, message) => {
    const res = await app().request(`/api/actors?${query}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ success: false, error: 'invalid_request', message });
  });
});
