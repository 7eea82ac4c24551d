import type { DecodedImage } from '../3-encode/decode-image.js';

/** Enough samples that a channel's standard deviation is within ~1 % of the full image's. */
const TARGET_SAMPLES = 1 << 16;

export interface ChannelStats {
  mean: number;
  stdev: number;
}

/**
 * Mean and standard deviation of each channel (0–255), estimated from a regular grid of pixels: every
 * `stride`-th pixel of every `stride`-th row, the stride chosen for about 65,536 samples (4 for a
 * 1024² poster; 1, i.e. every pixel, below 256²). Point samples, not averages, so fine noise keeps its
 * spread. sharp's `stats()` would cost ~50 ms of CPU per poster, because besides these it computes
 * entropy, sharpness (a convolution) and the dominant colour over every pixel; this costs ~0.2 ms.
 *
 * @param decoded 8-bit pixels as decodeImage returns them (1–4 interleaved channels)
 * @example sampledChannelStats(decoded)[0].stdev // 0 for a flat image
 */
export function sampledChannelStats({ data, info }: DecodedImage): ChannelStats[] {
  const { width, height, channels } = info;
  const stride = Math.max(1, Math.floor(Math.sqrt((width * height) / TARGET_SAMPLES)));
  const sum = new Float64Array(channels);
  const squares = new Float64Array(channels);
  let count = 0;
  for (let y = 0; y < height; y += stride) {
    const row = y * width * channels;
    for (let x = 0; x < width; x += stride) {
      const pixel = row + x * channels;
      for (let c = 0; c < channels; c++) {
        const value = data[pixel + c]!;
        sum[c]! += value;
        squares[c]! += value * value;
      }
      count++;
    }
  }
  return Array.from(sum, (total, c) => {
    const mean = total / count;
    return { mean, stdev: Math.sqrt(Math.max(0, squares[c]! / count - mean * mean)) };
  });
}
