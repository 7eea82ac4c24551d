import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { PosterSize } from '../../shared/api-types.js';

/** Debian's interpreter, where python3-pil lives; never whichever python3 is first on PATH. */
export const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'pillow_webp.py');

export interface PillowResult {
  version: string;
  /** Per input: the three WebP files and the CPU time of each run of the seed's function. */
  images: { sizes: Record<PosterSize, Buffer>; cpuMs: number[] }[];
}

/** Runs the seed's generate_webp_versions on each input `runs` times; undefined (with the reason) when Pillow is missing. */
export async function runPillow(inputs: Buffer[], runs: number): Promise<PillowResult | { missing: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pf-pillow-'));
  try {
    const check = await promisify(execFile)(PYTHON, ['-c', 'import PIL.Image, PIL.features; print(PIL.features.check("webp"))']).catch((error: unknown) => ({
      stdout: '',
      error,
    }));
    if (check.stdout.trim() !== 'True') return { missing: `Pillow with WebP not found for ${PYTHON} (apt-get install python3-pil); Pillow columns skipped` };
    const files = await Promise.all(
      inputs.map(async (png, i) => {
        const file = path.join(dir, `${i}.png`);
        await writeFile(file, png);
        return file;
      }),
    );
    const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, dir, String(runs), ...files], { maxBuffer: 1 << 20 });
    const parsed = JSON.parse(stdout) as { pillow: string; images: { cpu_ms: number[] }[] };
    const images = await Promise.all(
      parsed.images.map(async (image, i) => {
        const read = (size: PosterSize) => readFile(path.join(dir, `${i}_${size}.webp`));
        const [sm, md, lg] = await Promise.all([read('sm'), read('md'), read('lg')]);
        return { sizes: { sm, md, lg }, cpuMs: image.cpu_ms };
      }),
    );
    return { version: parsed.pillow, images };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
