import { createHash } from 'node:crypto';
import { POSTER_SIZES, type PosterSize } from '../../../shared/api-types.js';
import { decodeImage, fromDecoded, type DecodedImage } from './decode-image.js';
import { thumbHashOf } from './thumbhash.js';

const SIZES = Object.keys(POSTER_SIZES) as PosterSize[];

/** The seed's WebP settings: quality 85; effort (`method` in Pillow) 6, the slowest and smallest. */
export const WEBP_QUALITY = 85;
export const DEFAULT_WEBP_EFFORT = 6;

export interface EncodedPoster {
  /** WebP bytes per size, each fitted inside its square edge and never enlarged. */
  sizes: Record<PosterSize, Uint8Array>;
  /** The decoded input, after EXIF orientation. */
  source: { width: number; height: number; format: string };
  /** The ThumbHash placeholder (base64) the UI paints until the image loads; see thumbHashOf. */
  placeholder: string;
}

function encodeWebp(decoded: DecodedImage, edge: number, effort: number): Promise<Buffer> {
  return fromDecoded(decoded)
    .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true, kernel: 'lanczos3' })
    .webp({ quality: WEBP_QUALITY, effort })
    .toBuffer();
}

/**
 * Encodes decoded pixels into the seed's three WebP sizes (sm 256, md 512, lg 1024) and the ThumbHash
 * placeholder, every one made from the one buffer in parallel, with Pillow `thumbnail` semantics (fit inside, never enlarge,
 * Lanczos), quality 85. Alpha is kept. Sizes that an image fits unresized (md and lg of a 512² image)
 * are one encode: the same pixels and settings give the same bytes, so the second would only cost CPU.
 *
 * @param effort - WebP effort 0–6 (WEBP_EFFORT, default 6): higher is smaller and slower.
 */
export async function encodeDecoded(decoded: DecodedImage, effort = DEFAULT_WEBP_EFFORT): Promise<EncodedPoster> {
  const { width, height } = decoded.info;
  const encodes = new Map<number, Promise<Buffer>>();
  const encodeFitted = (edge: number) => {
    const fitted = Math.min(edge, Math.max(width, height));
    return encodes.get(fitted) ?? encodes.set(fitted, encodeWebp(decoded, fitted, effort)).get(fitted)!;
  };
  const [placeholder, ...encoded] = await Promise.all([thumbHashOf(decoded), ...SIZES.map((size) => encodeFitted(POSTER_SIZES[size]))]);
  const sizes = {} as Record<PosterSize, Uint8Array>;
  for (const [index, size] of SIZES.entries()) sizes[size] = encoded[index]!;
  return { sizes, source: { width, height, format: decoded.format }, placeholder };
}

/**
 * Decode once, then encode the three sizes (see decodeImage and encodeDecoded).
 *
 * @param options.maxInputPixels - Largest width × height accepted (MAX_INPUT_PIXELS), a decompression-bomb guard.
 * @throws PipelineError('invalid_image') for non-images, truncated images and images over the pixel limit.
 * @example const { sizes } = await encodePosterSizes(png, { maxInputPixels: 64 << 20 });
 */
export async function encodePosterSizes(image: Uint8Array, options: { maxInputPixels: number; effort?: number }): Promise<EncodedPoster> {
  return encodeDecoded(await decodeImage(image, options.maxInputPixels), options.effort);
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
