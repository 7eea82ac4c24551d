import sharp from 'sharp';
import { messageOf, PipelineError } from '../../errors.js';
import { requireImage } from '../2-download/require-image.js';

// One libvips thread per sharp pipeline: parallelism comes from jobs and sizes side by side on libuv's
// threadpool (UV_THREADPOOL_SIZE, which the npm scripts size), so the cores stay busy without each
// pipeline also fanning out over every core. It is sharp's own default on glibc too (less heap fragmentation).
sharp.concurrency(1);
// libvips' operation cache only pays when the same input is processed twice; every poster is new
// pixels, so in a long-running daemon it would only hold memory (and open files, which go stale).
sharp.cache(false);

/** An image decoded once to raw pixels (after EXIF orientation): what every later step reads. */
export interface DecodedImage {
  data: Buffer;
  info: sharp.OutputInfo;
  /** The format the bytes came in, e.g. `png`. */
  format: string;
}

/**
 * The decompression-bomb guard, checked on the header before any pixel is decoded.
 * @throws PipelineError('invalid_image') when width × height is over `maxInputPixels` (MAX_INPUT_PIXELS)
 */
export function requireWithinPixelLimit({ width, height, format }: { width: number; height: number; format: string }, maxInputPixels: number): void {
  if (width * height > maxInputPixels) {
    throw new PipelineError(
      'invalid_image',
      `Expected an image of at most ${maxInputPixels} pixels (MAX_INPUT_PIXELS) but received a ${width}x${height} ${format} (${width * height} pixels)`,
    );
  }
}

/**
 * Decodes an image once, on sharp's threads: magic bytes first, then the pixel limit on the header,
 * then the pixels.
 *
 * @param maxInputPixels - Largest width × height accepted (MAX_INPUT_PIXELS).
 * @throws PipelineError('invalid_image') for non-images, damaged headers, truncated data and images over the limit.
 */
export async function decodeImage(image: Uint8Array, maxInputPixels: number): Promise<DecodedImage> {
  const format = requireImage(image, 'the generated result');
  const { width = 0, height = 0 } = await sharp(image)
    .metadata()
    .catch((error: unknown) => {
      throw new PipelineError('invalid_image', `Expected a readable ${format} image but its header is damaged: ${messageOf(error)}`);
    });
  requireWithinPixelLimit({ width, height, format }, maxInputPixels);
  try {
    // failOn 'error' rejects truncated and corrupt pixel data but tolerates harmless warnings (odd metadata).
    const { data, info } = await sharp(image, { limitInputPixels: maxInputPixels, failOn: 'error' }).rotate().raw().toBuffer({ resolveWithObject: true });
    return { data, info, format };
  } catch (error) {
    throw new PipelineError('invalid_image', `Expected a complete ${format} image but it could not be decoded (truncated or corrupt?): ${messageOf(error)}`);
  }
}

/** A sharp pipeline reading the decoded pixels (no second decode). */
export const fromDecoded = ({ data, info }: DecodedImage): sharp.Sharp =>
  sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels }, limitInputPixels: false });
