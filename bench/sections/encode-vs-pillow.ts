import sharp from 'sharp';
import { POSTER_SIZES, type PosterSize } from '../../shared/api-types.js';
import { decodeImage, fromDecoded } from '../../daemon/pipeline/3-encode/decode-image.js';
import { encodePosterSizes } from '../../daemon/pipeline/3-encode/encode-poster.js';
import type { BenchRow, BenchSection } from '../section.js';
import { ssim } from '../ssim.js';
import { quantile } from '../stats.js';
import { cpuMs, photoPosters } from '../support/photos.js';
import { runPillow } from '../support/pillow.js';
import { plainPosterCpuMs } from '../support/plain-encode.js';

const RUNS = 3;
const SIZES = Object.keys(POSTER_SIZES) as PosterSize[];
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** CPU ms of the lg floor: decode once and encode only the 1024 size, which any path must do. */
async function lgFloorCpuMs(inputs: Buffer[]): Promise<number> {
  const perInput: number[] = [];
  for (const png of inputs) {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const before = cpuMs();
      const decoded = await decodeImage(png, 1 << 26);
      await fromDecoded(decoded).webp({ quality: 85, effort: 6 }).toBuffer();
      samples.push(cpuMs() - before);
    }
    perInput.push(quantile(samples, 0.5));
  }
  return mean(perInput);
}

/**
 * The seed's Pillow code (bench/pillow_webp.py) vs our encode stage vs the lg floor, on the three
 * real photos as 1024² PNGs: CPU per poster, bytes per size, SSIM per size against the source
 * resized losslessly (sharp Lanczos3).
 */
const section: BenchSection = {
  name: 'encode-vs-pillow',
  title: "Encode: the seed's Pillow code vs our encode stage vs the lg floor (3 real photos, 1024² PNG in)",
  async run() {
    const photos = await photoPosters();
    const inputs = photos.map((photo) => photo.png);
    const oursCpu = await plainPosterCpuMs(inputs, RUNS);
    const floorCpu = await lgFloorCpuMs(inputs);
    const ours = await Promise.all(inputs.map((png) => encodePosterSizes(png, { maxInputPixels: 1 << 26 })));
    const pillow = await runPillow(inputs, RUNS);
    const rows: BenchRow[] = [];
    const data: Record<string, unknown> = { photos: photos.map((p) => p.name), oursCpuMs: oursCpu, lgFloorCpuMs: floorCpu };
    if ('missing' in pillow) {
      rows.push({ metric: 'CPU per poster: ours / lg floor', value: `${oursCpu.toFixed(0)} / ${floorCpu.toFixed(0)} ms` });
      return { rows, data, notice: pillow.missing };
    }
    const pillowCpu = mean(pillow.images.map((image) => quantile(image.cpuMs, 0.5)));
    rows.push({
      metric: 'CPU per poster: Pillow / ours / lg floor',
      value: `${pillowCpu.toFixed(0)} / ${oursCpu.toFixed(0)} / ${floorCpu.toFixed(0)} ms`,
      target: 'ours ≤ Pillow',
      result: `ours ${(oursCpu / pillowCpu).toFixed(2)}× Pillow`,
    });
    const perSize: Record<string, unknown> = {};
    for (const size of SIZES) {
      const ratios: number[] = [];
      const deltas: number[] = [];
      const detail = [];
      for (const [i, png] of inputs.entries()) {
        const reference = await sharp(png).resize(POSTER_SIZES[size], POSTER_SIZES[size], { fit: 'inside', kernel: 'lanczos3' }).png().toBuffer();
        const [ourSsim, pillowSsim] = await Promise.all([ssim(ours[i]!.sizes[size], reference), ssim(pillow.images[i]!.sizes[size], reference)]);
        const ratio = ours[i]!.sizes[size].length / pillow.images[i]!.sizes[size].length;
        ratios.push(ratio);
        deltas.push(ourSsim - pillowSsim);
        detail.push({
          photo: photos[i]!.name,
          oursBytes: ours[i]!.sizes[size].length,
          pillowBytes: pillow.images[i]!.sizes[size].length,
          oursSsim: ourSsim,
          pillowSsim,
        });
      }
      perSize[size] = detail;
      const worstRatio = Math.max(...ratios);
      const worstDelta = Math.min(...deltas);
      rows.push({
        metric: `${size} bytes, ours ÷ Pillow (worst photo)`,
        value: worstRatio.toFixed(3),
        target: '≤ 1.01',
        result: worstRatio <= 1.01 ? '✓' : '✗',
      });
      // Below 0.0005 SSIM the two differ only by their Lanczos implementations (libwebp is the same encoder).
      rows.push({
        metric: `${size} SSIM, ours − Pillow (worst photo)`,
        value: worstDelta.toFixed(4),
        target: '≥ 0 (±0.0005)',
        result: worstDelta >= -0.0005 ? '✓' : '✗',
      });
    }
    return { rows, data: { ...data, pillowVersion: pillow.version, pillowCpuMs: pillowCpu, sizes: perSize } };
  },
};
export default section;
