import { S3Client } from '@aws-sdk/client-s3';

export interface S3ClientOptions {
  region: string;
  /** With secretAccessKey: explicit credentials. Both unset: the SDK's default chain (env, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** An S3-compatible server (S3_ENDPOINT); unset for AWS itself. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Connection and request timeout per attempt (S3_TIMEOUT_MS). Default 30 s. */
  timeoutMs?: number;
  /** Attempts per request, the first included (S3_MAX_ATTEMPTS); the SDK's standard retry backs off between them. Default 4. */
  maxAttempts?: number;
}

/**
 * The one place an S3Client is configured: the storage stage publishes through it and the RunPod
 * generator presigns LoRA URLs with it.
 *
 * @example const client = createS3Client(config.aws);
 */
export function createS3Client(options: S3ClientOptions): S3Client {
  const { region, accessKeyId, secretAccessKey, endpoint, forcePathStyle = false, timeoutMs = 30_000, maxAttempts = 4 } = options;
  return new S3Client({
    region,
    forcePathStyle,
    // Without a timeout a server that accepts and never answers hangs the job forever. The SDK only logs
    // a warning when requestTimeout passes unless told to throw (tests/reliability/s3-faults.test.ts).
    requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs, throwOnRequestTimeout: true },
    maxAttempts,
    retryMode: 'standard',
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    // The SDK's newer default checksums send stream bodies with aws-chunked framing, which s3rver and
    // several S3-compatible servers store verbatim, corrupting the object. Checksums only where the API
    // requires them avoids that; AWS itself keeps the default.
    ...(endpoint ? { endpoint, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  });
}
