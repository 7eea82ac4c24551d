import { rgbaToThumbHash } from 'thumbhash';
import { type DecodedImage, fromDecoded } from './decode-image.js';

/** ThumbHash encodes images of at most 100×100 pixels; larger input is refused by the library. */
const MAX_EDGE = 100;

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
