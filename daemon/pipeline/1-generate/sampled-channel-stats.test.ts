import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage, fromDecoded } from '../3-encode/decode-image.js';
import { sampledChannelStats } from './sampled-channel-stats.js';

const decoded = async (image: sharp.Sharp) => decodeImage(await image.png().toBuffer(), 1 << 26);

/** Gaussian noise around mid-grey, independent per pixel and channel: the spread a box average would shrink. */
const noise = (edge: number, sigma: number) =>
  sharp({ create: { width: edge, height: edge, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma } } });

describe('sampledChannelStats', () => {
  it("estimates every channel's mean and spread within 1 % of sharp's full statistics on a real 1024² photo", async () => {
    const photo = await readFile(new URL('../../../bench/fixtures/chelsea.png', import.meta.url));
    const image = await decoded(sharp(photo).resize(1024, 1024, { fit: 'cover' }));
    const full = (await fromDecoded(image).stats()).channels;
    const sampled = sampledChannelStats(image);
    expect(sampled).toHaveLength(3);
    sampled.forEach((channel, c) => {
      expect(channel.mean).toBeCloseTo(full[c]!.mean, 0);
      expect(Math.abs(channel.stdev / full[c]!.stdev - 1)).toBeLessThan(0.01);
    });
  });

  it('keeps the spread of per-pixel noise (point samples, not averages)', async () => {
    const [red] = sampledChannelStats(await decoded(noise(1024, 40)));
    expect(red!.stdev).toBeGreaterThan(38);
    expect(red!.stdev).toBeLessThan(42);
  });

  it.each([
    ['a flat RGB image', sharp({ create: { width: 300, height: 200, channels: 3, background: '#c85028' } }), [200, 80, 40]],
    ['a flat image with alpha', sharp({ create: { width: 30, height: 20, channels: 4, background: { r: 9, g: 90, b: 190, alpha: 0.5 } } }), [9, 90, 190, 128]],
  ] as const)('gives zero spread and the exact means for %s', async (_name, image, means) => {
    const stats = sampledChannelStats(await decoded(image));
    expect(stats.map((channel) => Math.round(channel.mean))).toEqual(means);
    expect(stats.every((channel) => channel.stdev === 0)).toBe(true);
  });
});
