import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pino, type Logger } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api-types.js';
import { PipelineError } from '../errors.js';
import { openLibrary, type Library } from './open-library.js';

let dir: string;
let file: string;
const libraries: Library[] = [];

const actorsOf = (count: number): Actor[] =>
  Array.from({ length: count }, (_, i) => ({ id: i + 1, name: `${String(i + 1).padStart(4, '0')}_actor`, custom: { keep: i } }));

function open(watch = false, logger?: Logger, portableUrls = true) {
  const library = openLibrary({ dataDir: dir, actorsFile: file, watch, logger, portableUrls });
  libraries.push(library);
  return library.actors;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'actors-store-'));
  file = join(dir, 'actorsData.json');
  await writeFile(file, JSON.stringify(actorsOf(3), null, 2));
});
afterEach(async () => {
  await Promise.all(libraries.splice(0).map((library) => library.close()));
  await rm(dir, { recursive: true, force: true });
});

const readBack = async (): Promise<Actor[]> => JSON.parse(await readFile(file, 'utf8'));
/** Temp files left beside actorsData.json (there must be none). */
const litter = async () => (await readdir(dir)).filter((name) => name.startsWith('.'));

/** Resolves with the first `count` actors announced to onChange. */
function nextChanges(store: ReturnType<typeof open>, count: number): Promise<Actor[]> {
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

describe('the library actors store', () => {
  it('finds actors by id as a string, then by name', async () => {
    const store = open();
    expect((await store.find('2'))?.name).toBe('0002_actor');
    expect((await store.find('0003_actor'))?.id).toBe(3);
    expect(await store.find('nobody')).toBeUndefined();
    expect(await store.list()).toHaveLength(3);
  });

  it('keeps all 50 concurrent updates of different actors, in the file exactly as JSON.stringify(…, null, 2)', async () => {
    await writeFile(file, JSON.stringify(actorsOf(50)));
    const store = open();
    await Promise.all(actorsOf(50).map((a) => store.update(String(a.id), (actor) => ({ ...actor, poster_updated_at: `t${a.id}` }))));
    await store.exported();
    const text = await readFile(file, 'utf8');
    expect(text).toBe(
      `${JSON.stringify(
        actorsOf(50).map((a) => ({ ...a, poster_updated_at: `t${a.id}` })),
        null,
        2,
      )}\n`,
    );
    expect(await litter()).toEqual([]);
  });

  it('keeps concurrent updates from two libraries on the same data folder (as the CLI and the daemon would be)', async () => {
    const [a, b] = [open(), open()];
    await Promise.all([
      a.update('1', (actor) => ({ ...actor, from: 'a' })),
      b.update('2', (actor) => ({ ...actor, from: 'b' })),
      a.update('3', (actor) => ({ ...actor, from: 'a' })),
    ]);
    await Promise.all([a.exported(), b.exported()]);
    expect((await readBack()).map((x) => x.from)).toEqual(['a', 'b', 'a']);
    expect((await a.list()).map((x) => x.from)).toEqual(['a', 'b', 'a']);
  });

  it('keeps an update made by another process and announces it', async () => {
    const store = open(true);
    await store.ready();
    const announced = nextChanges(store, 2);
    const child = promisify(execFile)(join(process.cwd(), 'node_modules/.bin/tsx'), [
      join(import.meta.dirname, 'test-support/update-in-child.ts'),
      dir,
      file,
      '2',
      'from the child',
    ]);
    await store.update('1', (actor) => ({ ...actor, description: 'from the parent' }));
    await child;
    expect((await announced).map((a) => [a.id, a.description]).sort()).toEqual([
      [1, 'from the parent'],
      [2, 'from the child'],
    ]);
    await store.exported();
    expect((await readBack()).map((a) => a.description)).toEqual(['from the parent', 'from the child', undefined]);
  });

  it('preserves unknown fields, other actors and edits made by other programs', async () => {
    const store = open();
    await store.list();
    const edited = [{ ...actorsOf(3)[0]!, added_by_hand: true }, ...actorsOf(3).slice(1), { id: 'x9', name: 'extra', note: 1 }];
    await writeFile(file, JSON.stringify(edited));
    const result = await store.update('2', (actor) => ({ ...actor, description: 'new' }));
    expect(result).toEqual({ ...actorsOf(3)[1], description: 'new' });
    await store.exported();
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toEqual([edited[0], { ...edited[1], description: 'new' }, edited[2], edited[3]]);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('rejects an unknown actor without touching the file', async () => {
    const before = await readFile(file, 'utf8');
    const store = open();
    await expect(store.update('99', (a) => a)).rejects.toMatchObject({ code: 'actor_not_found' });
    await store.exported();
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it.each([
    ['bad JSON', '[{"id": 1, "name": "a"', 'not valid JSON'],
    ['an object instead of an array', '{"actors": []}', 'expected a top-level array of actors but received object'],
    ['an entry without id', '[{"name": "a"}]', 'entry 0: expected a string or number for id but received undefined'],
    ['an entry without name', '[{"id": 1, "name": "a"}, {"id": 2}]', 'entry 1: expected a string for name'],
    ['a duplicate id', '[{"id": 1, "name": "a"}, {"id": "1", "name": "b"}]', 'entry 1: expected a unique id but received "1" again (also entry 0)'],
    ['a duplicate name', '[{"id": 1, "name": "a"}, {"id": 2, "name": "a"}]', 'entry 1: expected a unique name but received "a" again (also entry 0)'],
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
    expect(await litter()).toEqual([]);
  });

  it('announces its own update once, to every listener, with watching on', async () => {
    const store = open(true);
    await store.ready();
    const seen: Actor[] = [];
    store.onChange((actor) => seen.push(actor));
    await store.update('2', (a) => ({ ...a, description: 'mine' }));
    await store.exported();
    // An external edit afterwards proves the watcher has caught up past our own write's events.
    const external = nextChanges(store, 1);
    const edited = await readBack();
    edited[0]!.description = 'theirs';
    await writeFile(file, JSON.stringify(edited));
    await external;
    expect(seen.map((a) => [a.id, a.description])).toEqual([
      [2, 'mine'],
      [1, 'theirs'],
    ]);
  });

  it('announces nothing for loading the library at start, then what changes after', async () => {
    const store = open(true);
    const seen: Actor[] = [];
    store.onChange((actor) => seen.push(actor));
    await store.ready();
    const changes = nextChanges(store, 1);
    const edited = actorsOf(3);
    edited[0]!.description = 'after start';
    await writeFile(file, JSON.stringify(edited));
    await changes;
    expect(seen).toEqual([edited[0]]);
  });

  it('announces every actor of a file that appears after start', async () => {
    await rm(file);
    const store = open(true);
    await store.ready();
    const changes = nextChanges(store, 3);
    await writeFile(file, JSON.stringify(actorsOf(3)));
    expect(await changes).toEqual(actorsOf(3));
  });

  it('searches string descriptions and sorts by string poster_updated_at, ignoring values of other types', async () => {
    const actors = [
      { id: 1, name: 'a', description: 'Red Coat', poster_updated_at: '2026-01-01T00:00:00Z' },
      { id: 2, name: 'b', description: { text: 'red' }, poster_updated_at: 5 },
      { id: 3, name: 'c', description: 'a RED hat', poster_updated_at: '2026-02-01T00:00:00Z' },
    ];
    await writeFile(file, JSON.stringify(actors));
    const store = open();
    expect((await store.page({ q: 'red', limit: 10 })).actors.map((actor) => actor.id)).toEqual([1, 3]);
    expect((await store.page({ limit: 10, sort: 'updated' })).actors.map((actor) => actor.id)).toEqual([3, 1, 2]);
    await store.update('2', (actor) => ({ ...actor, description: 'red scarf', poster_updated_at: '2026-03-01T00:00:00Z' }));
    expect((await store.page({ q: 'red', limit: 10, sort: 'updated' })).actors.map((actor) => actor.id)).toEqual([2, 3, 1]);
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

  it('imports actors removed, reordered and renamed by another program', async () => {
    const store = open();
    await store.list();
    const [a, b, c] = actorsOf(3);
    await writeFile(
      file,
      JSON.stringify([
        { ...c!, name: a!.name },
        { ...a!, name: c!.name },
      ]),
    );
    expect((await store.list()).map((x) => [x.id, x.name])).toEqual([
      [3, a!.name],
      [1, c!.name],
    ]);
    expect(await store.find(String(b!.id))).toBeUndefined();
  });

  it('reads a missing file as no actors and refuses to update one', async () => {
    await rm(file);
    const store = open();
    expect(await store.list()).toEqual([]);
    await expect(store.update('1', (a) => a)).rejects.toMatchObject({ code: 'actor_not_found' });
    expect((await readdir(dir)).filter((name) => name.includes('actors'))).toEqual([]);
  });

  it('writes actorsData.json again from the library when it was deleted while stopped', async () => {
    await open().update('2', (actor) => ({ ...actor, description: 'kept' }));
    await libraries.pop()!.close();
    await rm(file);
    const store = open();
    await store.exported();
    expect((await readBack()).map((a) => a.description)).toEqual([undefined, 'kept', undefined]);
  });

  it('rewrites legacy absolute local poster URLs to /media/… on import, unless told to keep them', async () => {
    const urls = (base: string) => ({
      webp_sm: `${base}/media/actors/a/poster_frame/a_poster_sm.webp?v=1`,
      webp_md: 'https://b.s3.amazonaws.com/x.webp',
      webp_lg: `${base}/media/x.webp`,
    });
    const legacy = [{ id: 1, name: 'a', poster_frames: { accelerated: urls('http://127.0.0.1:8787'), standard: urls('http://[::1]:18787') } }];
    await writeFile(file, JSON.stringify(legacy));
    const store = open();
    const portable = urls('');
    expect((await store.find('1'))?.poster_frames).toEqual({ accelerated: portable, standard: portable });
    await store.exported();
    expect((await readBack())[0]!.poster_frames).toEqual({ accelerated: portable, standard: portable });

    await writeFile(file, JSON.stringify(legacy));
    await libraries.pop()!.close();
    expect((await open(false, undefined, false).find('1'))?.poster_frames).toEqual(legacy[0]!.poster_frames);
  });

  it('announces only the changed actor when the file is deleted and recreated while watching', async () => {
    let reportMissing!: (line: string) => void;
    const reported = new Promise<string>((resolve) => (reportMissing = resolve));
    const store = open(true, pino({}, { write: (line: string) => line.includes('missing') && reportMissing(line) }));
    await store.ready();
    const changes = nextChanges(store, 1);
    await rm(file);
    await reported;
    expect(await store.list()).toHaveLength(3);
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
