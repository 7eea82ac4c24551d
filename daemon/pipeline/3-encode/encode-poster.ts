import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { POSTER_SIZES, type PosterSize } from '../../../shared/api-types.js';
import { messageOf, PipelineError } from '../../errors.js';
import { requireImage } from '../2-download/require-image.js';

// Inputs are buffers and the daemon rewrites files on disk, so sharp's open-file cache could only go stale.
sharp.cache({ files: 0 });

const SIZES = Object.keys(POSTER_SIZES) as PosterSize[];

export interface EncodedPoster {
  /** WebP bytes per size, each fitted inside its square edge and never enlarged. */
  sizes: Record<PosterSize, Uint8Array>;
  /** The decoded input, after EXIF orientation. */
  source: { width: number; height: number; format: string };
}

type Decoded = { data: Buffer; info: sharp.OutputInfo };

/**
 * The decompression-bomb guard, checked on the header before any pixel is decoded.
 * @throws PipelineError('invalid_image') when width × height is over `maxInputPixels` (MAX_INPUT_PIXELS)
 */
export function requireWithinPixelLimit({ width, height, format }: { width: number; height: number; format: string }, maxInputPixels: number): void {
  if (width * height > maxInputPixels) {
    throw new PipelineError('invalid_image', `Expected an image of at most ${maxInputPixels} pixels (MAX_INPUT_PIXELS) but received a ${width}x${height} ${format} (${width * height} pixels)`);
  }
}

async function decodeOnce(image: Uint8Array, format: string, maxInputPixels: number): Promise<Decoded> {
  const { width = 0, height = 0 } = await sharp(image).metadata().catch((error: unknown) => {
    throw new PipelineError('invalid_image', `Expected a readable ${format} image but its header is damaged: ${messageOf(error)}`);
  });
  requireWithinPixelLimit({ width, height, format }, maxInputPixels);
  try {
    // failOn 'error' rejects truncated and corrupt pixel data but tolerates harmless warnings (odd metadata).
    return await sharp(image, { limitInputPixels: maxInputPixels, failOn: 'error' }).rotate().raw().toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new PipelineError('invalid_image', `Expected a complete ${format} image but it could not be decoded (truncated or corrupt?): ${messageOf(error)}`);
  }
}

function encodeWebp({ data, info }: Decoded, edge: number, maxInputPixels: number): Promise<Buffer> {
  const raw = { width: info.width, height: info.height, channels: info.channels };
  return sharp(data, { raw, limitInputPixels: maxInputPixels })
    .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true, kernel: 'lanczos3' })
    .webp({ quality: 85, effort: 6 })
    .toBuffer();
}

/**
 * Encodes a generated image into the seed's three WebP sizes (sm 256, md 512, lg 1024): decoded once
 * to raw pixels, then every size resized from that buffer in parallel, with Pillow `thumbnail`
 * semantics (fit inside, never enlarge, Lanczos), quality 85, effort 6. Alpha is kept.
 *
 * @param options.maxInputPixels - Largest width × height accepted (MAX_INPUT_PIXELS), a decompression-bomb guard.
 * @throws PipelineError('invalid_image') for non-images, truncated images and images over the pixel limit.
 * @example const { sizes } = await encodePosterSizes(png, { maxInputPixels: 64 << 20 });
 */
export async function encodePosterSizes(image: Uint8Array, options: { maxInputPixels: number }): Promise<EncodedPoster> {
  const format = requireImage(image, 'the generated result');
  const decoded = await decodeOnce(image, format, options.maxInputPixels);
  const sizes = {} as Record<PosterSize, Uint8Array>;
  await Promise.all(SIZES.map(async (size) => {
    sizes[size] = await encodeWebp(decoded, POSTER_SIZES[size], options.maxInputPixels);
  }));
  return {
    sizes,
    source: { width: decoded.info.width, height: decoded.info.height, format },
  };
}

/**
 * A short content hash of the three encoded sizes: the `?v=` of published URLs and the id of a
 * draft or history version. Equal output gives an equal version, so a re-publish changes no URL.
 *
 * @returns 10 lowercase hex characters (40 bits of sha256).
 */
export function contentVersion(sizes: Record<PosterSize, Uint8Array>): string {
  const hash = createHash('sha256');
  // Length-prefixed, so moving bytes from one size to the next can never give the same hash.
  for (const size of SIZES) hash.update(`${size}:${sizes[size].byteLength}:`).update(sizes[size]);
  return hash.digest('hex').slice(0, 10);
}
