import sharp from 'sharp';
import { PipelineError } from '../../errors.js';
import { requireWithinPixelLimit } from '../3-encode/encode-poster.js';

/**
 * Below this standard deviation (0–255 scale) in every colour channel an image is one flat colour:
 * Stable Diffusion's safety checker answers with an all-black image, and a broken worker with a
 * flat one. Real posters, even dark ones, sit far above it.
 */
const MIN_CHANNEL_STDEV = 2;

/**
 * The guard every backend's output passes before it can become a poster: a black, nearly uniform or
 * wrongly sized image is a failed generation, never published.
 *
 * @param bytes the image as returned by the backend (or downloaded from its URL)
 * @param requested the size asked of the backend; either side below half of it fails
 * @param maxInputPixels the pixel limit (MAX_INPUT_PIXELS), checked on the header before the pixels
 *   are decoded for the blank check; sharp's own default limit when omitted
 * @throws PipelineError `invalid_image` when the bytes are not a decodable image or are over the
 *   pixel limit, `generation_failed` when the image is blank or far from the requested size
 */
export async function checkGeneratedImage(bytes: Uint8Array, requested: { width: number; height: number }, maxInputPixels?: number): Promise<void> {
  const unreadable = (error: unknown) => {
    throw new PipelineError('invalid_image', 'The generator returned data that is not a readable image; check the backend\'s output format', { cause: error });
  };
  // The header alone (sharp applies its pixel limit to metadata() too, with a vaguer message).
  const metadata = await sharp(bytes, { failOn: 'error' }).metadata().catch(unreadable);
  const { width = 0, height = 0 } = metadata;
  if (maxInputPixels !== undefined) requireWithinPixelLimit({ width, height, format: metadata.format ?? 'image' }, maxInputPixels);
  const stats = await sharp(bytes, { failOn: 'error', limitInputPixels: maxInputPixels ?? true }).stats().catch(unreadable);
  if (width < requested.width / 2 || height < requested.height / 2) {
    throw new PipelineError(
      'generation_failed',
      `Expected an image of about ${requested.width}x${requested.height} from the generator but received ${width}x${height}; check the backend's width/height settings`,
    );
  }
  // Alpha is not colour: a flat image with a varying alpha channel is still blank.
  const colourChannels = stats.channels.slice(0, metadata.hasAlpha ? -1 : undefined);
  const maxStdev = Math.max(...colourChannels.map((c) => c.stdev));
  if (maxStdev < MIN_CHANNEL_STDEV) {
    const mean = Math.round(colourChannels[0]?.mean ?? 0);
    throw new PipelineError(
      'generation_failed',
      `The generated image is blank (a single flat colour, mean ${mean}/255), as when the model's safety checker blocks an image; try another seed or prompt`,
      { details: { maxChannelStdev: maxStdev } },
    );
  }
}
