import { mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/api-types.js';
import { PipelineError } from '../../errors.js';
import { type JsonActorsStore, createJsonActorsStore } from './json-actors-store.js';

let dir: string;
let file: string;
const stores: JsonActorsStore[] = [];

const actorsOf = (count: number): Actor[] =>
  Array.from({ length: count }, (_, i) => ({ id: i + 1, name: `${String(i + 1).padStart(4, '0')}_actor`, custom: { keep: i } }));

function open(watch = false, logger?: Logger): JsonActorsStore {
  const store = createJsonActorsStore({ file, watch, logger });
  stores.push(store);
  return store;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'actors-store-'));
  file = join(dir, 'actorsData.json');
  await writeFile(file, JSON.stringify(actorsOf(3), null, 2));
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

const readBack = async (): Promise<Actor[]> => JSON.parse(await readFile(file, 'utf8'));

/** Resolves with the first `count` actors announced to onChange. */
function nextChanges(store: JsonActorsStore, count: number): Promise<Actor[]> {
  const seen: Actor[] = [];
  return new Promise((resolve) => {
    const off = store.onChange((actor) => {
      seen.push(actor);
      if (seen.length === count) {
        off();
        resolve(seen);
      }
    });
  });
}

describe('createJsonActorsStore', () => {
  it('finds actors by id as a string, then by name', async () => {
    const store = open();
    expect((await store.find('2'))?.name).toBe('0002_actor');
    expect((await store.find('0003_actor'))?.id).toBe(3);
    expect(await store.find('nobody')).toBeUndefined();
    expect(await store.list()).toHaveLength(3);
  });

  it('keeps all 50 concurrent updates of different actors', async () => {
    await writeFile(file, JSON.stringify(actorsOf(50)));
    const store = open();
    await Promise.all(
      actorsOf(50).map((a) => store.update(String(a.id), (actor) => ({ ...actor, poster_updated_at: `t${a.id}` }))),
    );
    const written = await readBack();
    expect(written.map((a) => a.poster_updated_at)).toEqual(actorsOf(50).map((a) => `t${a.id}`));
    expect(await readdir(dir)).toEqual(['actorsData.json']);
  });

  it('keeps concurrent updates from two stores on the same file (as the CLI and the daemon would be)', async () => {
    const [a, b] = [open(), open()];
    await Promise.all([
      a.update('1', (actor) => ({ ...actor, from: 'a' })),
      b.update('2', (actor) => ({ ...actor, from: 'b' })),
      a.update('3', (actor) => ({ ...actor, from: 'a' })),
    ]);
    expect((await readBack()).map((x) => x.from)).toEqual(['a', 'b', 'a']);
  });

  it('preserves unknown fields, other actors and edits made by other programs', async () => {
    const store = open();
    await store.list();
    const edited = [{ ...actorsOf(3)[0]!, added_by_hand: true }, ...actorsOf(3).slice(1), { id: 'x9', name: 'extra', note: 1 }];
    await writeFile(file, JSON.stringify(edited));
    const result = await store.update('2', (actor) => ({ ...actor, description: 'new' }));
    expect(result).toEqual({ ...actorsOf(3)[1], description: 'new' });
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toEqual([edited[0], { ...edited[1], description: 'new' }, edited[2], edited[3]]);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('rejects an unknown actor without touching the file', async () => {
    const before = await readFile(file, 'utf8');
    await expect(open().update('99', (a) => a)).rejects.toMatchObject({ code: 'actor_not_found' });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it.each([
    ['bad JSON', '[{"id": 1, "name": "a"', 'not valid JSON'],
    ['an object instead of an array', '{"actors": []}', 'expected a top-level array of actors but received object'],
    ['an entry without id', '[{"name": "a"}]', 'entry 0: expected a string or number for id but received undefined'],
    ['an entry without name', '[{"id": 1, "name": "a"}, {"id": 2}]', 'entry 1: expected a string for name'],
  ])('reports a corrupt file (%s) and never overwrites it', async (_, content, reason) => {
    await writeFile(file, content);
    const store = open();
    const failure = store.update('1', (a) => ({ ...a, changed: true }));
    await expect(failure).rejects.toBeInstanceOf(PipelineError);
    await expect(failure).rejects.toMatchObject({ code: 'actors_file_corrupt' });
    await expect(failure).rejects.toThrow(file);
    await expect(failure).rejects.toThrow(reason);
    await expect(store.list()).rejects.toMatchObject({ code: 'actors_file_corrupt' });
    expect(await readFile(file, 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['actorsData.json']);
  });

  it('announces its own update once, to every listener, with watching on', async () => {
    const store = open(true);
    await store.ready();
    const seen: Actor[] = [];
    store.onChange((actor) => seen.push(actor));
    await store.update('2', (a) => ({ ...a, description: 'mine' }));
    // An external edit afterwards proves the watcher has caught up past our own write's events.
    const external = nextChanges(store, 1);
    const edited = await readBack();
    edited[0]!.description = 'theirs';
    await writeFile(file, JSON.stringify(edited));
    await external;
    expect(seen.map((a) => [a.id, a.description])).toEqual([[2, 'mine'], [1, 'theirs']]);
  });

  it('announces an external atomic replace for the changed actor only', async () => {
    const store = open(true);
    await store.ready();
    const changes = nextChanges(store, 1);
    const edited = actorsOf(3);
    edited[2]!.poster_updated_at = 'elsewhere';
    await writeFile(join(dir, '.incoming'), JSON.stringify(edited));
    await rename(join(dir, '.incoming'), file);
    expect(await changes).toEqual([edited[2]]);
    expect((await store.find('3'))?.poster_updated_at).toBe('elsewhere');
  });

  it('reads a missing file as no actors and refuses to update one', async () => {
    await rm(file);
    const store = open();
    expect(await store.list()).toEqual([]);
    await expect(store.update('1', (a) => a)).rejects.toMatchObject({ code: 'actor_not_found' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('announces only the changed actor when the file is deleted and recreated while watching', async () => {
    let reportMissing!: (line: string) => void;
    const reported = new Promise<string>((resolve) => (reportMissing = resolve));
    const store = open(true, pino({}, { write: (line: string) => line.includes('missing') && reportMissing(line) }));
    await store.ready();
    const changes = nextChanges(store, 1);
    await rm(file);
    await reported;
    const recreated = actorsOf(3);
    recreated[1]!.description = 'recreated';
    await writeFile(file, JSON.stringify(recreated));
    expect(await changes).toEqual([recreated[1]]);
  });

  it('survives a corrupt file while watching and keeps the last good copy for diffs', async () => {
    let reportCorrupt!: (line: string) => void;
    const reported = new Promise<string>((resolve) => (reportCorrupt = resolve));
    const logs = { write: (line: string) => line.includes('cannot be read') && reportCorrupt(line) };
    const store = open(true, pino({}, logs));
    await store.ready();
    const changes = nextChanges(store, 1);
    await writeFile(file, '[{ broken');
    expect(await reported).toContain(file);
    const fixed = actorsOf(3);
    fixed[0]!.name = 'renamed';
    await writeFile(file, JSON.stringify(fixed));
    expect(await changes).toEqual([fixed[0]]);
  });
});
