import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api-types.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import { generatedLibrary } from '../../tests/support/generated-library.js';
import { ActorsIndex, indexRow } from './actors-index.js';
import { actorsTable, type ActorsTable } from './actors-table.js';
import { actorsFileParts, exportActorsFile } from './export-actors-file.js';
import { LIST_BLOCK_SIZE } from './list-blocks.js';
import { openLibraryDb, type LibraryDb } from './open-library-db.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let db: LibraryDb;
let table: ActorsTable;
let file: string;
beforeEach(async () => {
  dir = await tempDir();
  db = openLibraryDb(path.join(dir.path, 'library.db'));
  table = actorsTable(db);
  file = path.join(dir.path, 'actorsData.json');
});
afterEach(async () => {
  db.close();
  await dir.remove();
});

describe('exportActorsFile', () => {
  it('never puts an older revision over a newer one (as a slower second process would)', async () => {
    expect(await exportActorsFile(db, table, file, 5, 'revision 5')).toBe('written');
    expect(await exportActorsFile(db, table, file, 3, 'revision 3')).toBe('stale');
    expect(await exportActorsFile(db, table, file, 5, 'revision 5 again')).toBe('stale');
    expect(await readFile(file, 'utf8')).toBe('revision 5');
    expect(await exportActorsFile(db, table, file, 6, 'revision 6')).toBe('written');
    expect(await readFile(file, 'utf8')).toBe('revision 6');
    expect(await readdir(dir.path)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });

  it('leaves a file another program wrote since the last export alone, so it can be imported first', async () => {
    await exportActorsFile(db, table, file, 1, 'ours');
    await writeFile(file, 'theirs, longer');
    expect(await exportActorsFile(db, table, file, 2, 'ours again')).toBe('file-changed');
    expect(await readFile(file, 'utf8')).toBe('theirs, longer');
  });
});

describe('actorsFileParts', () => {
  const fileOf = (parts: Buffer[]) => Buffer.concat(parts).toString();
  const many = generatedLibrary(LIST_BLOCK_SIZE * 2 + 3).map((actor, i) => (i % 9 ? actor : { ...actor, description: `Zoë 東京\n${actor.description}` }));

  it.each<[string, Actor[]]>([
    ['no actors', []],
    [
      'nested and unknown fields',
      [
        {
          id: 1,
          name: 'a',
          poster_frames: { accelerated: { webp_sm: 's', webp_md: 'm', webp_lg: 'l' }, standard: { webp_sm: 's', webp_md: 'm', webp_lg: 'l' } },
          tags: ['x', { y: [] }],
          empty: {},
        },
        { id: 'b2', name: 'b\nline', n: null },
      ],
    ],
    ['several blocks, non-ASCII text', many],
  ])('gives exactly JSON.stringify(actors, null, 2) and a newline (%s)', async (_, actors) => {
    expect(fileOf(await actorsFileParts()(ActorsIndex.of(actors).blocks()))).toBe(`${JSON.stringify(actors, null, 2)}\n`);
  });

  it('re-encodes only the changed block after a change, and the file still matches', async () => {
    const index = ActorsIndex.of(many);
    const parts = actorsFileParts();
    const before = await parts(index.blocks());
    const changed = { ...many[LIST_BLOCK_SIZE + 1]!, poster_updated_at: '2026-12-02T08:00:00Z' };
    index.apply([indexRow(changed, LIST_BLOCK_SIZE + 1)], 1);
    const after = await parts(index.blocks());
    expect(after.map((part, k) => part === before[k])).toEqual([true, false, true]);
    expect(fileOf(after)).toBe(`${JSON.stringify(many.with(LIST_BLOCK_SIZE + 1, changed), null, 2)}\n`);
  });

  it('is written from its parts by exportActorsFile', async () => {
    expect(await exportActorsFile(db, table, file, 1, await actorsFileParts()(ActorsIndex.of(many).blocks()))).toBe('written');
    expect(await readFile(file, 'utf8')).toBe(`${JSON.stringify(many, null, 2)}\n`);
  });
});
