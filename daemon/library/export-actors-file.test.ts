import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api-types.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import { ActorsIndex } from './actors-index.js';
import { actorsTable, type ActorsTable } from './actors-table.js';
import { exportActorsFile, formatActorsFile } from './export-actors-file.js';
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

describe('formatActorsFile', () => {
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
  ])('writes exactly JSON.stringify(actors, null, 2) and a newline (%s)', (_, actors) => {
    expect(formatActorsFile(ActorsIndex.of(actors).ordered())).toBe(`${JSON.stringify(actors, null, 2)}\n`);
  });
});
