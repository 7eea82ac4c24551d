import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createBuiltinGenerator } from './builtin-generator.js';
import { buildPosterSvg } from './builtin/poster-svg.js';
import { hashString } from './builtin/seeded-random.js';
import { STYLE_IDS } from '../../../shared/styles.js';
import { checkGeneratedImage } from './check-generated-image.js';
import { decodeImage } from '../3-encode/decode-image.js';
import type { GenerateProgress, GenerateRequest } from './generator.js';

const actor = { id: '1', name: '0001_european_20_female', description: 'a young European woman <with> "long" brown hair & freckles', loraModelUrl: 's3://b/k' };

async function generate(params: GenerateRequest['params'], signal = new AbortController().signal, size = 256, who = actor) {
  const progress: GenerateProgress[] = [];
  const image = await createBuiltinGenerator().generate({ actor: who, params, width: size, height: size, signal, onProgress: (p) => progress.push(p) });
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

  it.each(STYLE_IDS)('gives visibly different images for different seeds in the style %s', async (style) => {
    const [a, b] = await Promise.all([generate({ seed: 1, style }), generate({ seed: 2, style })]);
    expect(await meanDifference(a.bytes, b.bytes)).toBeGreaterThan(10);
  });

  it('renders every style visibly differently from every other, for the same actor and seed', async () => {
    const images = await Promise.all(STYLE_IDS.map((style) => generate({ seed: 5, style })));
    for (let i = 0; i < images.length; i++) {
      for (let j = i + 1; j < images.length; j++) {
        expect({ pair: [STYLE_IDS[i], STYLE_IDS[j]], difference: await meanDifference(images[i]!.bytes, images[j]!.bytes) }).toEqual({
          pair: [STYLE_IDS[i], STYLE_IDS[j]],
          difference: expect.toSatisfy((d: number) => d > 25),
        });
      }
    }
  });

  it('draws film noir in greys only', async () => {
    const { channels } = await sharp((await generate({ seed: 3, style: 'film-noir' })).bytes)
      .extract({ left: 0, top: 0, width: 256, height: 180 })
      .raw()
      .toBuffer({ resolveWithObject: true })
      .then(({ data }) => sharp(data, { raw: { width: 256, height: 180, channels: 4 } }).stats());
    expect(channels[0]!.sum).toBe(channels[1]!.sum);
    expect(channels[1]!.sum).toBe(channels[2]!.sum);
  });

  it('gives different actors visibly different posters for the same seed', async () => {
    const other = { ...actor, id: '2', name: '0002_african_34_male', description: 'a confident man with a short beard' };
    const [a, b] = await Promise.all([generate({ seed: 7 }), generate({ seed: 7 }, undefined, 256, other)]);
    expect(await meanDifference(a.bytes, b.bytes)).toBeGreaterThan(10);
  });

  it('labels the poster OFFLINE PREVIEW with its seed, in a caption panel the figure and backdrop never reach', () => {
    const svg = buildPosterSvg({ name: actor.name, description: actor.description, seed: 42, width: 1024, height: 1024 });
    expect(svg).toContain('OFFLINE PREVIEW · seed 42');
    expect(svg).toContain('a young European woman &lt;with&gt; &quot;long&quot; brown hair &amp; freckles');
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('leaves the panel beside the label flat, whatever the seed draws (seed %i)', async (seed) => {
    const image = await generate({ seed }, undefined, 1024);
    // Right of the label pill, below the description: only the panel's own colour may be there.
    // stats() reads its input, not the pipeline's output: extract to a buffer first.
    const panel = await sharp(image.bytes).extract({ left: 720, top: 930, width: 280, height: 80 }).png().toBuffer();
    const { channels } = await sharp(panel).stats();
    expect(channels.slice(0, 3).map((channel) => channel.stdev)).toEqual([0, 0, 0]);
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
