import { createBuiltinGenerator } from '../../daemon/pipeline/1-generate/builtin-generator.js';

/**
 * A real 1024² poster PNG from the built-in generator, for a loopback backend (RunPod peer, image host)
 * to hand back as its output: the pipeline then decodes and encodes a genuine image.
 *
 * @example const png = await builtinPosterPng('0001_test_20_female', { seed: 7 });
 */
export async function builtinPosterPng(actorName: string, { seed = 1, description = 'from the GPU' } = {}): Promise<Uint8Array> {
  const generated = await createBuiltinGenerator().generate({
    actor: { id: '1', name: actorName, description, loraModelUrl: 's3://m/x' },
    params: { seed },
    width: 1024,
    height: 1024,
    signal: new AbortController().signal,
    onProgress: () => {},
  });
  if (generated.kind !== 'bytes') throw new Error(`Expected the built-in generator to return bytes but received ${generated.kind}`);
  return generated.bytes;
}
