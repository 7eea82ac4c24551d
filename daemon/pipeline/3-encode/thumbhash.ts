import { rgbaToThumbHash } from 'thumbhash';
import { type DecodedImage, fromDecoded } from './decode-image.js';

/**
 * ThumbHash accepts at most 100×100 pixels, but keeps only its lowest few cosine components (at most
 * 7 per side), which a 64-pixel sketch holds as well: the bench's photos hash identically, and the
 * encoder, JavaScript on the main thread, costs ~0.5 ms instead of ~1.2 ms per poster (warm). At 32
 * pixels a hard edge already lost contrast in the sketch.
 */
const MAX_EDGE = 64;

/**
 * The poster's ThumbHash placeholder: a ~25-byte sketch of its colours and layout that the UI paints
 * (blurred) until the image has loaded. Made from the decoded pixels the sizes are made from, so it
 * never costs a second decode.
 *
 * @returns the hash, base64 (standard alphabet, padded), as `poster_frames.placeholder` carries it
 * @example const placeholder = await thumbHashOf(decoded); // "3OcRJYB4d3h/iIeHeEh3eIhw+j3A"
 */
export async function thumbHashOf(decoded: DecodedImage): Promise<string> {
  const { data, info } = await fromDecoded(decoded)
    .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString('base64');
}
