import { PipelineError } from '../../errors.js';
import type { DecodedImage } from '../3-encode/decode-image.js';
import { sampledChannelStats } from './sampled-channel-stats.js';

/**
 * Below this standard deviation (0–255 scale) in every colour channel an image is one flat colour:
 * Stable Diffusion's safety checker answers with an all-black image, and a broken worker with a
 * flat one. Real posters, even dark ones, sit far above it.
 */
const MIN_CHANNEL_STDEV = 2;

/**
 * The guard every backend's output passes before it can become a poster: a black, nearly uniform or
 * wrongly sized image is a failed generation, never published. It reads the encode stage's decoded
 * pixels (decodeImage already refused non-images and images over MAX_INPUT_PIXELS), so the image is
 * decoded once per job, and samples them (see sampledChannelStats) instead of a full statistics pass.
 *
 * @param decoded the backend's image, decoded
 * @param requested the size asked of the backend; either side below half of it fails
 * @throws PipelineError `generation_failed` (stage `generating`) when the image is blank or far from the requested size
 */
export async function checkGeneratedImage(decoded: DecodedImage, requested: { width: number; height: number }): Promise<void> {
  const { width, height, channels } = decoded.info;
  if (width < requested.width / 2 || height < requested.height / 2) {
    throw failed(
      `Expected an image of about ${requested.width}x${requested.height} from the generator but received ${width}x${height}; check the backend's width/height settings`,
    );
  }
  // Alpha is not colour: a flat image with a varying alpha channel is still blank.
  const hasAlpha = channels === 2 || channels === 4;
  const colourChannels = sampledChannelStats(decoded).slice(0, hasAlpha ? -1 : undefined);
  const maxStdev = Math.max(...colourChannels.map((c) => c.stdev));
  if (maxStdev < MIN_CHANNEL_STDEV) {
    const mean = Math.round(colourChannels[0]?.mean ?? 0);
    throw failed(
      `The generated image is blank (a single flat colour, mean ${mean}/255), as when the model's safety checker blocks an image; try another seed or prompt`,
      { maxChannelStdev: maxStdev },
    );
  }
}

/** The generator's failure, whichever stage happens to run the check. */
function failed(message: string, details?: unknown): PipelineError {
  const error = new PipelineError('generation_failed', message, details === undefined ? {} : { details });
  error.stage = 'generating';
  return error;
}
