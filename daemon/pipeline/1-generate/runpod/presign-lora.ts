import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { messageOf, PipelineError } from '../../../errors.js';
import { type LoraPresigner, MAX_PRESIGN_SECONDS } from './lora-presigner.js';

/**
 * Presigns `s3://bucket/key` LoRA URLs as HTTPS GET URLs with the daemon's own S3 client, so the
 * worker needs no AWS credentials (none are ever put in the job input). Other URLs pass unchanged.
 *
 * @param client an S3 client for the region (and endpoint) the LoRA bucket lives in
 * @param allowedPrefixes the only locations it signs for (LORA_ALLOWED_PREFIXES), each ending in "/":
 *   the daemon's credentials must not hand out any object a request names
 * @throws PipelineError('invalid_request') for an s3:// URL outside the allowed prefixes
 * @throws PipelineError('generation_failed') when signing fails, e.g. no credentials are available
 */
export function createS3LoraPresigner(client: S3Client, allowedPrefixes: string[]): LoraPresigner {
  return async (loraUrl, expiresInSeconds) => {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(loraUrl);
    if (!match) return loraUrl;
    requireAllowedLora(loraUrl, allowedPrefixes);
    const [, bucket, key] = match as unknown as [string, string, string];
    const expiresIn = Math.min(MAX_PRESIGN_SECONDS, Math.max(1, Math.ceil(expiresInSeconds)));
    try {
      return await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn });
    } catch (error) {
      throw new PipelineError(
        'generation_failed',
        `Could not presign ${loraUrl} for the RunPod worker (${messageOf(error)}); set AWS_ACCESS_KEY and AWS_ACCESS_SECRET, or RUNPOD_PRESIGN_LORA=false if the worker can read the bucket itself`,
        { cause: error },
      );
    }
  };
}

function requireAllowedLora(loraUrl: string, allowedPrefixes: string[]): void {
  // "." and ".." segments are refused outright: an HTTP client may resolve them out of the prefix.
  const dotSegment = loraUrl
    .slice('s3://'.length)
    .split('/')
    .some((segment) => segment === '.' || segment === '..');
  if (!dotSegment && allowedPrefixes.some((prefix) => loraUrl.startsWith(prefix))) return;
  const allowed = allowedPrefixes.length ? allowedPrefixes.join(', ') : 'none';
  throw new PipelineError(
    'invalid_request',
    `Expected a lora_model_url under LORA_ALLOWED_PREFIXES (${allowed}) but received ${loraUrl}; add its s3://bucket/prefix/ to LORA_ALLOWED_PREFIXES to let the daemon presign it`,
  );
}
