import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const PHOTO_NAMES = ['astronaut', 'coffee', 'chelsea'] as const;

/**
 * The three real photos of bench/fixtures as a generator would return them: `edge`×`edge` PNGs
 * (cover-cropped, Lanczos), so every path encodes the same bytes a 1024² model output would be.
 */
export async function photoPosters(edge = 1024): Promise<{ name: string; png: Buffer }[]> {
  return Promise.all(
    PHOTO_NAMES.map(async (name) => {
      const source = await readFile(path.join(FIXTURES, `${name}.png`));
      return { name, png: await sharp(source).resize(edge, edge, { fit: 'cover', kernel: 'lanczos3' }).png().toBuffer() };
    }),
  );
}

/** This process's CPU time (user + system) in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
