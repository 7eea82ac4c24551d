import { writeFile } from 'node:fs/promises';
import type { Actor } from '../../shared/api-types.js';
import { generatedLibrary } from '../../tests/support/generated-library.js';

const urls = (base: string, name: string) => ({
  webp_sm: `${base}/actors/${name}/poster_frame/${name}_poster_sm.webp?v=3c3f8c56ae`,
  webp_md: `${base}/actors/${name}/poster_frame/${name}_poster_md.webp?v=3c3f8c56ae`,
  webp_lg: `${base}/actors/${name}/poster_frame/${name}_poster_lg.webp?v=3c3f8c56ae`,
});

/**
 * `count` actors as a real library holds them: the generated library's names and descriptions, each
 * with published S3 poster URLs (both hosts, three sizes), so the file is the size the issue measured.
 */
export function publishedLibrary(count: number): Actor[] {
  return generatedLibrary(count).map((actor) => ({
    ...actor,
    poster_frames: {
      accelerated: urls('https://posterframe-user-images.s3-accelerate.amazonaws.com', actor.name),
      standard: urls('https://posterframe-user-images.s3.us-west-1.amazonaws.com', actor.name),
    },
  }));
}

/** Writes `actors` as the seed writes actorsData.json (2-space JSON) and returns its size in bytes. */
export async function writeLibraryFile(file: string, actors: Actor[]): Promise<number> {
  const text = `${JSON.stringify(actors, null, 2)}\n`;
  await writeFile(file, text);
  return Buffer.byteLength(text);
}
