import { S3Client } from '@aws-sdk/client-s3';

export interface S3ClientOptions {
  region: string;
  /** With secretAccessKey: explicit credentials. Both unset: the SDK's default chain (env, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** An S3-compatible server (S3_ENDPOINT); unset for AWS itself. */
  endpoint?: string;
  forcePathStyle?: boolean;
}

/**
 * The one place an S3Client is configured: the storage stage publishes through it and the RunPod
 * generator presigns LoRA URLs with it.
 *
 * @example const client = createS3Client(config.aws);
 */
export function createS3Client(options: S3ClientOptions): S3Client {
  const { region, accessKeyId, secretAccessKey, endpoint, forcePathStyle = false } = options;
  return new S3Client({
    region,
    forcePathStyle,
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    // The SDK's newer default checksums send stream bodies with aws-chunked framing, which s3rver and
    // several S3-compatible servers store verbatim, corrupting the object. Checksums only where the API
    // requires them avoids that; AWS itself keeps the default.
    ...(endpoint ? { endpoint, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  });
}
