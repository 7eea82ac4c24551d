import type { Generator } from '../../daemon/pipeline/1-generate/generator.js';

/** A generator that answers at once with the given images in turn: the pipeline's CPU work without any generation time. */
export function instantGenerator(images: Uint8Array[]): Generator {
  let next = 0;
  return {
    name: 'instant',
    generate: async () => ({ kind: 'bytes', bytes: images[next++ % images.length]! }),
  };
}
