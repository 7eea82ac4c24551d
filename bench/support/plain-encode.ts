import { encodePosterSizes } from '../../daemon/pipeline/3-encode/encode-poster.js';
import { quantile } from '../stats.js';
import { cpuMs } from './photos.js';

const MAX_PIXELS = 1 << 26;

/**
 * CPU milliseconds of the plain sharp path for one poster (decode once, three sizes, the given
 * effort), the median of `runs` serial runs per input, averaged over the inputs. One run per input
 * first warms sharp up.
 */
export async function plainPosterCpuMs(inputs: Buffer[], runs: number, effort = 6): Promise<number> {
  for (const png of inputs) await encodePosterSizes(png, { maxInputPixels: MAX_PIXELS, effort });
  const perInput: number[] = [];
  for (const png of inputs) {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const before = cpuMs();
      await encodePosterSizes(png, { maxInputPixels: MAX_PIXELS, effort });
      samples.push(cpuMs() - before);
    }
    perInput.push(quantile(samples, 0.5));
  }
  return perInput.reduce((sum, ms) => sum + ms, 0) / perInput.length;
}
