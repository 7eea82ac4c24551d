import sharp from 'sharp';
import { buildPosterSvg } from './builtin/poster-svg.js';
import { hashString } from './builtin/seeded-random.js';
import type { GeneratedImage, GenerateRequest, Generator } from './generator.js';

/**
 * The offline generator: a deterministic poster rendered locally from the actor's name, description
 * and seed, clearly labelled so nobody mistakes it for a real portrait. It needs no GPU and no
 * network, which makes it the default for a fresh checkout and the reference backend in tests.
 *
 * @returns a Generator named `builtin`; same inputs give identical PNG bytes, different seeds differ visibly.
 * @example
 * const image = await createBuiltinGenerator().generate({ actor, params: { seed: 7 }, width: 1024, height: 1024, signal, onProgress });
 */
export function createBuiltinGenerator(): Generator {
  return {
    name: 'builtin',
    async generate({ actor, params, width, height, signal, onProgress }: GenerateRequest): Promise<GeneratedImage> {
      signal.throwIfAborted();
      onProgress({ stage: 'generating', percent: 0, message: 'rendering offline poster' });
      // A job always carries a seed (create-job picks a random one); a direct call without one stays stable per actor.
      const seed = params.seed ?? hashString(actor.name);
      const svg = buildPosterSvg({ name: actor.name, description: actor.description, seed, style: params.style, width, height });
      onProgress({ stage: 'generating', percent: 40, message: 'rendering offline poster' });
      const bytes = await sharp(Buffer.from(svg)).png().toBuffer();
      signal.throwIfAborted();
      onProgress({ stage: 'generating', percent: 100, message: 'offline poster rendered' });
      return { kind: 'bytes', bytes: new Uint8Array(bytes), seed };
    },
  };
}
