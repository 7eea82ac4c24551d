import { interceptors, request, type Dispatcher } from 'undici';
import { messageOf, PipelineError } from '../../errors.js';
import { decodeDataUri } from './data-uri.js';
import { createPublicOnlyAgent } from './public-only-agent.js';
import { requireImage } from './require-image.js';

export interface DownloadOptions {
  /** Largest image accepted, in bytes; checked against Content-Length and again while the body streams. */
  maxBytes: number;
  /** Deadline for the whole download, headers and body together, in milliseconds. */
  timeoutMs: number;
  /** Aborts the download; its reason is rethrown as is, so the caller recognises its own abort. */
  signal?: AbortSignal;
  /**
   * The undici dispatcher to send through. By default one that refuses every non-public address;
   * the daemon passes one built from DOWNLOAD_ALLOW_PRIVATE (see createPublicOnlyAgent).
   */
  dispatcher?: Dispatcher;
}

/** Not undici's global dispatcher: see http-agent.ts for why the pipeline keeps its own. */
const publicOnly = createPublicOnlyAgent();

const MAX_REDIRECTS = 5;

/** Scheme, host and path only: result URLs are often presigned, and their query string is a credential. */
const redact = (url: URL): string => `${url.origin}${url.pathname}`;

function parseHttpUrl(url: string): URL {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
    throw new PipelineError('download_failed', `Expected an http(s) or data: URL for the image but received ${JSON.stringify(url.slice(0, 80))}`);
  }
  return parsed;
}

/** Reads the body into one buffer, giving up as soon as it passes maxBytes. */
async function readCapped(body: AsyncIterable<Uint8Array>, maxBytes: number, where: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Throwing out of for-await destroys the body stream, which closes the connection: the rest is never read.
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes)
      throw new PipelineError(
        'download_failed',
        `The image at ${where} is over the ${maxBytes}-byte download limit (MAX_DOWNLOAD_BYTES); stopped reading after ${total} bytes`,
      );
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function fetchImage(url: URL, options: DownloadOptions): Promise<Uint8Array> {
  const where = redact(url);
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const dispatcher = (options.dispatcher ?? publicOnly).compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTS }));
  try {
    const { statusCode, headers, body } = await request(url, { dispatcher, signal });
    if (statusCode < 200 || statusCode > 299) {
      await body.dump();
      const redirect = statusCode >= 300 && statusCode < 400 ? ` (still redirecting after ${MAX_REDIRECTS} redirects)` : '';
      throw new PipelineError(
        'download_failed',
        `Downloading the image from ${where} failed: the server answered HTTP ${statusCode}${redirect}. Check that the URL is reachable and has not expired`,
      );
    }
    const declared = Number(headers['content-length']);
    if (declared > options.maxBytes) {
      body.destroy();
      throw new PipelineError(
        'download_failed',
        `The image at ${where} is ${declared} bytes, over the ${options.maxBytes}-byte download limit (MAX_DOWNLOAD_BYTES)`,
      );
    }
    const bytes = await readCapped(body, options.maxBytes, where);
    const contentType = headers['content-type'];
    requireImage(bytes, where, typeof contentType === 'string' ? contentType : undefined);
    return bytes;
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof PipelineError) throw error;
    if (deadline.aborted)
      throw new PipelineError('download_failed', `Downloading the image from ${where} did not finish within ${options.timeoutMs} ms (DOWNLOAD_TIMEOUT_MS)`, {
        cause: error,
      });
    throw new PipelineError('download_failed', `Downloading the image from ${where} failed: ${messageOf(error)}`, { cause: error });
  }
}

/**
 * Fetches a generated image from an http(s) URL (up to 5 redirects) or decodes a base64 `data:` URI,
 * and accepts it only when its magic bytes say image.
 *
 * @throws PipelineError('download_failed') for HTTP errors, oversize bodies, timeouts and bad URLs;
 *   PipelineError('invalid_image') when the bytes are not an image, whatever the Content-Type said.
 * @example const png = await downloadImage(output.image_url, { maxBytes: 50 << 20, timeoutMs: 60_000, signal });
 */
export async function downloadImage(url: string, options: DownloadOptions): Promise<Uint8Array> {
  // Checked by prefix, not new URL(): a data: URI can be megabytes long and needs no URL parsing.
  if (!/^data:/i.test(url)) return fetchImage(parseHttpUrl(url), options);
  const { bytes, mediaType } = decodeDataUri(url, options.maxBytes);
  requireImage(bytes, 'a data: URI', mediaType || undefined);
  return bytes;
}
