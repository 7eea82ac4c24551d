import { POSTER_SIZES, type PosterSize } from '../../shared/api-types.js';
import { encodePosterSizes } from '../../daemon/pipeline/3-encode/encode-poster.js';
import type { BenchSection } from '../section.js';
import { ssim } from '../ssim.js';
import { photoPosters } from '../support/photos.js';
import { plainPosterCpuMs } from '../support/plain-encode.js';

const SIZES = Object.keys(POSTER_SIZES) as PosterSize[];
const EFFORTS = [0, 2, 4, 5, 6];

/** WEBP_EFFORT's trade-off: CPU per poster, bytes of the three sizes, SSIM of lg, per effort. */
const section: BenchSection = {
  name: 'webp-effort',
  title: 'WEBP_EFFORT trade-off (3 real photos, 1024² PNG in; bytes = sm+md+lg, mean per poster)',
  async run() {
    const inputs = (await photoPosters()).map((photo) => photo.png);
    const table = [];
    for (const effort of EFFORTS) {
      const cpu = await plainPosterCpuMs(inputs, 1, effort);
      const encoded = await Promise.all(inputs.map((png) => encodePosterSizes(png, { maxInputPixels: 1 << 26, effort })));
      const bytes = encoded.reduce((sum, poster) => sum + SIZES.reduce((s, size) => s + poster.sizes[size].length, 0), 0) / inputs.length;
      const lgSsim = (await Promise.all(encoded.map((poster, i) => ssim(poster.sizes.lg, inputs[i]!)))).reduce((s, v) => s + v, 0) / inputs.length;
      table.push({ effort, cpuMs: cpu, bytes, lgSsim });
    }
    const at6 = table.find((row) => row.effort === 6)!;
    return {
      rows: table.map((row) => ({
        metric: `effort ${row.effort}${row.effort === 6 ? ' (default)' : ''}`,
        value: `${row.cpuMs.toFixed(0)} ms CPU, ${(row.bytes / 1024).toFixed(1)} KiB, lg SSIM ${row.lgSsim.toFixed(4)}`,
        result: `${(row.cpuMs / at6.cpuMs).toFixed(2)}× time, ${(row.bytes / at6.bytes).toFixed(3)}× bytes`,
      })),
      data: { efforts: table },
    };
  },
};
export default section;
