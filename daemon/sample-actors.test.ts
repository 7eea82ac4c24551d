import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/support/temp-dir.js';
import { copySampleActors, SAMPLES_FILE } from './sample-actors.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let actorsFile: string;
beforeEach(async () => {
  dir = await tempDir();
  actorsFile = path.join(dir.path, 'actorsData.json');
});
afterEach(() => dir.remove());

const writeSamples = async (text: string) => {
  await mkdir(path.join(dir.path, 'samples'));
  await writeFile(path.join(dir.path, SAMPLES_FILE), text);
};

describe('copySampleActors', () => {
  it('copies the samples when the data folder has no actors file', async () => {
    await writeSamples('[{"id":1,"name":"a"}]\n');
    expect(await copySampleActors(dir.path, actorsFile)).toBe(true);
    expect(await readFile(actorsFile, 'utf8')).toBe('[{"id":1,"name":"a"}]\n');
  });

  it('never replaces an existing actors file', async () => {
    await writeSamples('[{"id":1,"name":"a"}]\n');
    await writeFile(actorsFile, '[]\n');
    expect(await copySampleActors(dir.path, actorsFile)).toBe(false);
    expect(await readFile(actorsFile, 'utf8')).toBe('[]\n');
  });

  it('leaves a library whose export was deleted to write it again, instead of replacing it by the samples', async () => {
    await writeSamples('[{"id":1,"name":"a"}]\n');
    await writeFile(path.join(dir.path, 'library.db'), '');
    expect(await copySampleActors(dir.path, actorsFile)).toBe(false);
  });

  it('leaves a data folder without samples empty', async () => {
    expect(await copySampleActors(dir.path, actorsFile)).toBe(false);
    await expect(readFile(actorsFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
