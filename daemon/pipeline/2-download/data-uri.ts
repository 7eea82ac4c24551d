import { PipelineError } from '../../errors.js';

/**
 * Decodes a base64 `data:` URI, the form some generation backends return instead of a URL.
 * The size is checked on the encoded length first, so an oversize URI is never decoded.
 *
 * @param uri - `data:[<media type>];base64,<data>`
 * @param maxBytes - Largest decoded size accepted.
 * @returns The decoded bytes and the declared media type (not trusted; for messages only).
 */
export function decodeDataUri(uri: string, maxBytes: number): { bytes: Uint8Array; mediaType: string } {
  const comma = uri.indexOf(',');
  const meta = comma === -1 ? '' : uri.slice('data:'.length, comma);
  if (comma === -1 || !/;base64$/i.test(meta)) {
    throw new PipelineError(
      'download_failed',
      `Expected a base64 data: URI (data:<type>;base64,<data>) for the image but received one starting with ${JSON.stringify(uri.slice(0, 40))}`,
    );
  }
  const payload = uri.slice(comma + 1).replace(/\s+/g, '');
  const decodedSize = Math.floor((payload.replace(/=+$/, '').length * 3) / 4);
  if (decodedSize > maxBytes) {
    throw new PipelineError('download_failed', `The data: URI image is ${decodedSize} bytes, over the ${maxBytes}-byte download limit (MAX_DOWNLOAD_BYTES)`);
  }
  return { bytes: new Uint8Array(Buffer.from(payload, 'base64')), mediaType: meta.slice(0, -';base64'.length) };
}
