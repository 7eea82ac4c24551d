import { PipelineError } from '../../errors.js';
import { sniffImageType, type ImageType } from './sniff-image.js';

const ACCEPTED = 'an image (PNG, JPEG, WebP, GIF, AVIF or TIFF)';
const PRINTABLE = /^[\t\n\r\x20-\x7e]*$/;

/** A short, log-safe picture of bytes that are not an image: size, claimed type and how they start. */
function describe(bytes: Uint8Array, contentType: string | undefined): string {
  if (bytes.length === 0) return 'an empty body';
  const head = bytes.subarray(0, 40);
  const text = Buffer.from(head).toString('latin1');
  const start = PRINTABLE.test(text) ? JSON.stringify(text.replace(/\s+/g, ' ')) : `bytes ${Buffer.from(head.subarray(0, 8)).toString('hex')}`;
  return `${bytes.length} bytes${contentType ? ` labelled ${contentType}` : ''} starting with ${start}`;
}

/**
 * Accepts bytes only when their magic bytes say image; a server's Content-Type is never trusted
 * (an expired result URL typically answers 200 with an HTML or XML error page).
 *
 * @param source - Where the bytes came from, for the message (never a URL with its query string).
 * @throws PipelineError('invalid_image') naming what was expected and what came.
 */
export function requireImage(bytes: Uint8Array, source: string, contentType?: string): ImageType {
  const type = sniffImageType(bytes);
  if (type) return type;
  throw new PipelineError('invalid_image', `Expected ${ACCEPTED} from ${source} but received ${describe(bytes, contentType)}`);
}
