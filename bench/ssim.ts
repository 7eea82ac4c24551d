import sharp from 'sharp';

/**
 * Mean SSIM (Wang et al. 2004: 11×11 Gaussian window, σ 1.5, K1 0.01, K2 0.03) of two images' luma,
 * the usual "how close is this encode to its reference" number: 1 is identical. Both are decoded
 * with sharp; they must have the same dimensions.
 */
export async function ssim(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [x, y] = await Promise.all([luma(a), luma(b)]);
  if (x.width !== y.width || x.height !== y.height)
    throw new Error(`Expected images of equal size for SSIM but received ${x.width}x${x.height} and ${y.width}x${y.height}`);
  const { width, height } = x;
  const blur = (values: Float64Array) => gaussian(values, width, height);
  const product = (p: Float64Array, q: Float64Array) => p.map((v, i) => v * q[i]!);
  const [muX, muY] = [blur(x.values), blur(y.values)];
  const [xx, yy, xy] = [blur(product(x.values, x.values)), blur(product(y.values, y.values)), blur(product(x.values, y.values))];
  const c1 = (0.01 * 255) ** 2;
  const c2 = (0.03 * 255) ** 2;
  let sum = 0;
  for (let i = 0; i < muX.length; i++) {
    const mx = muX[i]!;
    const my = muY[i]!;
    const varX = xx[i]! - mx * mx;
    const varY = yy[i]! - my * my;
    const cov = xy[i]! - mx * my;
    sum += ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (varX + varY + c2));
  }
  return sum / muX.length;
}

async function luma(image: Uint8Array): Promise<{ values: Float64Array; width: number; height: number }> {
  const { data, info } = await sharp(image).removeAlpha().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { values: Float64Array.from(data), width: info.width, height: info.height };
}

const KERNEL = (() => {
  const raw = Array.from({ length: 11 }, (_, i) => Math.exp(-((i - 5) ** 2) / (2 * 1.5 ** 2)));
  const total = raw.reduce((s, v) => s + v, 0);
  return raw.map((v) => v / total);
})();

/** Separable Gaussian blur with edges clamped. */
function gaussian(values: Float64Array, width: number, height: number): Float64Array {
  const pass = (input: Float64Array, horizontal: boolean) => {
    const out = new Float64Array(input.length);
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        let acc = 0;
        for (let k = -5; k <= 5; k++) {
          const r = horizontal ? row : Math.min(height - 1, Math.max(0, row + k));
          const c = horizontal ? Math.min(width - 1, Math.max(0, col + k)) : col;
          acc += KERNEL[k + 5]! * input[r * width + c]!;
        }
        out[row * width + col] = acc;
      }
    }
    return out;
  };
  return pass(pass(values, true), false);
}
