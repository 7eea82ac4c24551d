import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { rgbaToThumbHash, thumbHashToAverageRGBA, thumbHashToRGBA } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image.js';
import { thumbHashOf } from './thumbhash.js';

const MAX_PIXELS = 1 << 26;
const png = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
const hashOf = async (image: Buffer) => Buffer.from(await thumbHashOf(await decodeImage(image, MAX_PIXELS)), 'base64');

describe('thumbHashOf', () => {
  it('sketches the image: a red poster gives a red placeholder of the same aspect', async () => {
    const hash = await hashOf(await png(1024, 512, '#d01010'));
    expect(hash.length).toBeLessThan(40);
    const { r, g, b, a } = thumbHashToAverageRGBA(hash);
    expect(r).toBeGreaterThan(0.7);
    expect([g, b].every((channel) => channel < 0.15)).toBe(true);
    expect(a).toBe(1);
    const { w, h } = thumbHashToRGBA(hash);
    expect(w / h).toBeCloseTo(2, 0);
  });

  it('tells a top-dark poster from a bottom-dark one', async () => {
    const half = (top: string, bottom: string) =>
      sharp({ create: { width: 512, height: 512, channels: 3, background: top } })
        .composite([{ input: { create: { width: 512, height: 256, channels: 3, background: bottom } }, top: 256, left: 0 }])
        .png()
        .toBuffer();
    const [a, b] = await Promise.all([hashOf(await half('#000000', '#ffffff')), hashOf(await half('#ffffff', '#000000'))]);
    // The red channel of the sketch's first (top-left) and last (bottom-right) pixel.
    const ends = (hash: Buffer) => {
      const { rgba } = thumbHashToRGBA(hash);
      return [rgba[0]!, rgba[rgba.length - 4]!];
    };
    const [aTop, aBottom] = ends(a);
    const [bTop, bBottom] = ends(b);
    expect(aBottom! - aTop!).toBeGreaterThan(100);
    expect(bTop! - bBottom!).toBeGreaterThan(100);
  });

  it.each(['astronaut', 'coffee', 'chelsea'])('gives a real photo (%s) the hash its 100-pixel limit would give', async (name) => {
    const photo = await sharp(await readFile(new URL(`../../../bench/fixtures/${name}.png`, import.meta.url)))
      .resize(1024, 1024, { fit: 'cover' })
      .png()
      .toBuffer();
    const full = await sharp(photo).resize(100, 100).ensureAlpha().raw().toBuffer();
    expect((await hashOf(photo)).toString('base64')).toBe(Buffer.from(rgbaToThumbHash(100, 100, full)).toString('base64'));
  });

  it('accepts images smaller than its 100-pixel limit as they are', async () => {
    const { w, h } = thumbHashToRGBA(await hashOf(await png(40, 40, '#2060c0')));
    expect([w, h]).toEqual([32, 32]);
  });
});
