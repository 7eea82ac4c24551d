import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../errors.js';
import { checkGeneratedImage } from './check-generated-image.js';

const flat = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();

/** A noisy image: what any real poster looks like to the guard. */
const noisy = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();

async function failure(bytes: Uint8Array, size = { width: 64, height: 64 }): Promise<PipelineError> {
  const error = await checkGeneratedImage(bytes, size).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof PipelineError)) throw new Error(`Expected a PipelineError but received ${String(error)}`);
  return error;
}

describe('checkGeneratedImage', () => {
  it('accepts a varied image of the requested size', async () => {
    await expect(checkGeneratedImage(await noisy(64, 64), { width: 64, height: 64 })).resolves.toBeUndefined();
  });

  it.each([
    ['black (safety checker)', '#000000'],
    ['uniform grey', '#7f7f7f'],
  ])('rejects a %s image as a failed generation', async (_name, colour) => {
    const error = await failure(await flat(64, 64, colour));
    expect(error.code).toBe('generation_failed');
    expect(error.message).toMatch(/blank/);
  });

  it('rejects an image far smaller than requested', async () => {
    const error = await failure(await noisy(64, 20));
    expect(error.code).toBe('generation_failed');
    expect(error.message).toContain('Expected an image of about 64x64 from the generator but received 64x20');
  });

  it('rejects an image over the pixel limit from its header, with the MAX_INPUT_PIXELS message', async () => {
    const error = await checkGeneratedImage(await noisy(64, 64), { width: 64, height: 64 }, 64 * 64 - 1).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({
      code: 'invalid_image',
      message: 'Expected an image of at most 4095 pixels (MAX_INPUT_PIXELS) but received a 64x64 png (4096 pixels)',
    });
    await expect(checkGeneratedImage(await noisy(64, 64), { width: 64, height: 64 }, 64 * 64)).resolves.toBeUndefined();
  });

  it('rejects bytes that are not an image', async () => {
    const error = await failure(new TextEncoder().encode('<html>not an image</html>'));
    expect(error.code).toBe('invalid_image');
  });
});
