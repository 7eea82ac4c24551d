import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../errors.js';
import { decodeImage } from '../3-encode/decode-image.js';
import { checkGeneratedImage } from './check-generated-image.js';

const flat = (width: number, height: number, background: string, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background } }).png().toBuffer();

/** A noisy image: what any real poster looks like to the guard. */
const noisy = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .png()
    .toBuffer();

const check = async (bytes: Uint8Array, size = { width: 64, height: 64 }) => checkGeneratedImage(await decodeImage(bytes, 1 << 26), size);

async function failure(bytes: Uint8Array, size = { width: 64, height: 64 }): Promise<PipelineError> {
  const error = await check(bytes, size).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PipelineError)) throw new Error(`Expected a PipelineError but received ${String(error)}`);
  return error;
}

describe('checkGeneratedImage (on the decoded pixels)', () => {
  it('accepts a varied image of the requested size', async () => {
    await expect(check(await noisy(64, 64))).resolves.toBeUndefined();
  });

  it.each([
    ['black (safety checker)', '#000000', 3],
    ['uniform grey', '#7f7f7f', 3],
    ['black with an alpha channel', '#000000', 4],
  ] as const)('rejects a %s image as a failed generation of the generating stage', async (_name, colour, channels) => {
    const error = await failure(await flat(64, 64, colour, channels));
    expect(error).toMatchObject({ code: 'generation_failed', stage: 'generating' });
    expect(error.message).toMatch(/^The generated image is blank \(a single flat colour, mean \d+\/255\)/);
  });

  it('rejects an image far smaller than requested', async () => {
    const error = await failure(await noisy(64, 20));
    expect(error.code).toBe('generation_failed');
    expect(error.message).toContain('Expected an image of about 64x64 from the generator but received 64x20');
  });
});
