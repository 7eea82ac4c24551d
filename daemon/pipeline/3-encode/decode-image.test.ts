import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image.js';

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#c85028' } })
    .png()
    .toBuffer();

describe('decodeImage', () => {
  it('decodes to raw pixels with the format it came in', async () => {
    const decoded = await decodeImage(await png(30, 20), 1 << 20);
    expect(decoded.info).toMatchObject({ width: 30, height: 20, channels: 3 });
    expect(decoded.data.length).toBe(30 * 20 * 3);
    expect(decoded.format).toBe('png');
  });

  it('refuses an image over MAX_INPUT_PIXELS from its header, before decoding any pixel', async () => {
    await expect(decodeImage(await png(64, 64), 64 * 64 - 1)).rejects.toMatchObject({
      code: 'invalid_image',
      message: 'Expected an image of at most 4095 pixels (MAX_INPUT_PIXELS) but received a 64x64 png (4096 pixels)',
    });
  });

  it('refuses bytes that are not an image, saying what came', async () => {
    await expect(decodeImage(new TextEncoder().encode('<html>not an image</html>'), 1 << 20)).rejects.toMatchObject({
      code: 'invalid_image',
      message: expect.stringContaining('but received 25 bytes starting with "<html>not an image'),
    });
  });
});
