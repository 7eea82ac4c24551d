import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createBuiltinGenerator } from './builtin-generator.js';
import { hashString } from './builtin/seeded-random.js';
import { checkGeneratedImage } from './check-generated-image.js';
import { decodeImage } from '../3-encode/decode-image.js';
import type { GenerateProgress, GenerateRequest } from './generator.js';

const actor = { id: '1', name: '0001_european_20_female', description: 'a young European woman <with> "long" brown hair & freckles', loraModelUrl: 's3://b/k' };

async function generate(params: GenerateRequest['params'], signal = new AbortController().signal, size = 256) {
  const progress: GenerateProgress[] = [];
  const image = await createBuiltinGenerator().generate({ actor, params, width: size, height: size, signal, onProgress: (p) => progress.push(p) });
  if (image.kind !== 'bytes') throw new Error('builtin must return bytes');
  return { ...image, progress };
}

/** Mean absolute difference of two same-sized images' raw pixels, 0–255. */
async function meanDifference(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [x, y] = await Promise.all([a, b].map((bytes) => sharp(bytes).removeAlpha().raw().toBuffer()));
  let sum = 0;
  for (let i = 0; i < x!.length; i++) sum += Math.abs(x![i]! - y![i]!);
  return sum / x!.length;
}

describe('builtin generator', () => {
  it('renders a PNG of the requested size that passes the generated-image guard', async () => {
    const image = await generate({ seed: 1 }, undefined, 1024);
    const meta = await sharp(image.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1024, 1024]);
    await expect(checkGeneratedImage(await decodeImage(image.bytes, 1 << 26), { width: 1024, height: 1024 })).resolves.toBeUndefined();
  });

  it('gives identical bytes for identical inputs', async () => {
    const [a, b] = await Promise.all([generate({ seed: 42 }), generate({ seed: 42 })]);
    expect(Buffer.from(a.bytes).equals(b.bytes)).toBe(true);
  });

  it('gives visibly different images for different seeds and styles', async () => {
    const [a, b, c] = await Promise.all([generate({ seed: 1 }), generate({ seed: 2 }), generate({ seed: 1, style: 'noir' })]);
    expect(await meanDifference(a.bytes, b.bytes)).toBeGreaterThan(10);
    expect(await meanDifference(a.bytes, c.bytes)).toBeGreaterThan(10);
  });

  it('derives the seed from the actor name when none is given and reports it', async () => {
    const image = await generate({});
    expect(image.seed).toBe(hashString(actor.name));
  });

  it('reports generating progress from 0 to 100', async () => {
    const { progress } = await generate({ seed: 3 });
    expect(progress.every((p) => p.stage === 'generating')).toBe(true);
    expect([progress[0]?.percent, progress.at(-1)?.percent]).toEqual([0, 100]);
  });

  it('stops when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('job cancelled'));
    await expect(generate({ seed: 1 }, controller.signal)).rejects.toThrow('job cancelled');
  });
});
