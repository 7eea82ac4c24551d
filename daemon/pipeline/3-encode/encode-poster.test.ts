import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { PosterSize } from '../../../shared/api-types.js';
import { decodeImage } from './decode-image.js';
import { contentVersion, encodePosterSizes } from './encode-poster.js';
import { thumbHashOf } from './thumbhash.js';

const LIMIT = { maxInputPixels: 64 * 1024 * 1024 };
const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: { r: 200, g: 80, b: 40, alpha: channels === 4 ? 0.5 : 1 } } });
const noisyPng = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .png()
    .toBuffer();

async function dimensions(sizes: Record<PosterSize, Uint8Array>) {
  const out: Record<string, string> = {};
  for (const [size, bytes] of Object.entries(sizes)) {
    const meta = await sharp(bytes).metadata();
    out[size] = `${meta.format} ${meta.width}x${meta.height}`;
  }
  return out;
}

describe('encodePosterSizes', () => {
  it.each([
    ['a square 1024 input', 1024, 1024, { sm: 'webp 256x256', md: 'webp 512x512', lg: 'webp 1024x1024' }],
    ['a 2000x1000 input, fitted inside', 2000, 1000, { sm: 'webp 256x128', md: 'webp 512x256', lg: 'webp 1024x512' }],
    ['a 300x300 input, never enlarged', 300, 300, { sm: 'webp 256x256', md: 'webp 300x300', lg: 'webp 300x300' }],
  ])('encodes %s to WebP sm/md/lg', async (_name, width, height, expected) => {
    const { sizes, source } = await encodePosterSizes(await solid(width, height).png().toBuffer(), LIMIT);
    expect(await dimensions(sizes)).toEqual(expected);
    expect(source).toEqual({ width, height, format: 'png' });
  });

  it.each([
    ['a 512x512 input: md and lg', 512, 512, ['md', 'lg']],
    ['a 200x100 input: all three', 200, 100, ['sm', 'md', 'lg']],
  ] as const)('encodes once for the sizes an image fits unresized, %s', async (_name, width, height, same) => {
    const { sizes } = await encodePosterSizes(await noisyPng(width, height), LIMIT);
    for (const size of same.slice(1)) expect(sizes[size]).toBe(sizes[same[0]]);
    if (same.length === 2) expect(sizes.sm).not.toEqual(sizes.md);
  });

  it('adds the ThumbHash placeholder of the same pixels', async () => {
    const png = await noisyPng(640, 480);
    const { placeholder } = await encodePosterSizes(png, LIMIT);
    expect(placeholder).toBe(await thumbHashOf(await decodeImage(png, LIMIT.maxInputPixels)));
    expect(placeholder).toMatch(/^[A-Za-z0-9+/]{20,}={0,2}$/);
  });

  it('keeps an alpha channel', async () => {
    const { sizes } = await encodePosterSizes(await solid(32, 32, 4).png().toBuffer(), LIMIT);
    expect((await sharp(sizes.sm).metadata()).hasAlpha).toBe(true);
  });

  it('applies EXIF orientation before fitting', async () => {
    const rotated = await solid(200, 100).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const { sizes, source } = await encodePosterSizes(rotated, LIMIT);
    expect(source).toEqual({ width: 100, height: 200, format: 'jpeg' });
    expect((await dimensions(sizes)).sm).toBe('webp 100x200');
  });

  it('rejects bytes that are not an image, saying what came', async () => {
    await expect(encodePosterSizes(new TextEncoder().encode('<html>Service Unavailable</html>'), LIMIT)).rejects.toMatchObject({
      code: 'invalid_image',
      message: expect.stringMatching(/^Expected an image .* but received 32 bytes starting with "<html>Service/),
    });
  });

  it('rejects a truncated PNG', async () => {
    const png = await noisyPng(64, 64);
    await expect(encodePosterSizes(png.subarray(0, png.length / 2), LIMIT)).rejects.toMatchObject({
      code: 'invalid_image',
      message: expect.stringContaining('Expected a complete png image but it could not be decoded'),
    });
  });

  it('rejects an image over the pixel limit and accepts one exactly at it', async () => {
    const png = await solid(300, 200).png().toBuffer();
    await expect(encodePosterSizes(png, { maxInputPixels: 300 * 200 - 1 })).rejects.toMatchObject({
      code: 'invalid_image',
      message: 'Expected an image of at most 59999 pixels (MAX_INPUT_PIXELS) but received a 300x200 png (60000 pixels)',
    });
    await expect(encodePosterSizes(png, { maxInputPixels: 300 * 200 })).resolves.toMatchObject({ source: { width: 300, height: 200 } });
  });
});

describe('contentVersion', () => {
  const sizes = { sm: new Uint8Array([1, 2]), md: new Uint8Array([3]), lg: new Uint8Array([4, 5, 6]) };

  it('is 10 hex characters, the same for the same bytes', () => {
    expect(contentVersion(sizes)).toMatch(/^[0-9a-f]{10}$/);
    expect(contentVersion({ sm: Uint8Array.from(sizes.sm), md: Uint8Array.from(sizes.md), lg: Uint8Array.from(sizes.lg) })).toBe(contentVersion(sizes));
  });

  it.each([
    ['one byte of lg changes', { ...sizes, lg: new Uint8Array([4, 5, 7]) }],
    ['a byte moves from sm to md', { ...sizes, sm: new Uint8Array([1]), md: new Uint8Array([2, 3]) }],
  ])('changes when %s', (_name, changed) => {
    expect(contentVersion(changed)).not.toBe(contentVersion(sizes));
  });

  it('gives the same version when the same image is encoded twice', async () => {
    const png = await noisyPng(48, 48);
    const [a, b] = await Promise.all([encodePosterSizes(png, LIMIT), encodePosterSizes(png, LIMIT)]);
    expect(contentVersion(a.sizes)).toBe(contentVersion(b.sizes));
  });
});
