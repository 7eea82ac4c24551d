import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../daemon/pipeline/4-upload/s3-client.js';

/** The slice of s3rver's API the tests use; s3rver ships no type declarations. */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => S3rverInstance;

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

export interface RunningS3rver {
  /** `http://127.0.0.1:<port>`, for `S3_ENDPOINT` (use path-style addressing). */
  endpoint: string;
  bucket: string;
  /** s3rver only accepts requests signed with its built-in dummy key pair. */
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
}

/**
 * Starts a silent s3rver on 127.0.0.1 (a free port) with one empty bucket, storing objects in a temp dir.
 *
 * Works on Node 20 with the current AWS SDK v3 as long as the client is built with
 * `requestChecksumCalculation`/`responseChecksumValidation: 'WHEN_REQUIRED'` (createS3Client does this
 * whenever an endpoint is set): with the SDK's default (WHEN_SUPPORTED) a streamed body is sent with
 * aws-chunked framing, which s3rver 3.7 stores verbatim, corrupting the object.
 * Two more differences from S3 to keep in mind: s3rver checks the access key id but does not verify
 * SigV4 signatures (a wrong secret is accepted), and it decodes x-amz-copy-source with decodeURI, so a
 * copied key containing a reserved character such as "+" is not found (our keys never contain one).
 */
export async function startS3rver(bucket = 'posterframe-test'): Promise<RunningS3rver> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'posterframe-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    region: 'us-east-1',
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** An S3 client for reading what the daemon published to `s3` (path-style, s3rver's key pair). Destroy it after use. */
export function s3rverClient(s3: RunningS3rver): S3Client {
  return createS3Client({ region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, endpoint: s3.endpoint, forcePathStyle: true });
}

/** The daemon's S3 settings for `s3`, pointing at `endpoint` (a proxy in front of it) when given. */
export function s3rverEnv(s3: RunningS3rver, endpoint = s3.endpoint): Record<string, string> {
  return {
    AWS_USER_IMAGES_BUCKET: s3.bucket,
    AWS_ACCESS_KEY: s3.accessKeyId,
    AWS_ACCESS_SECRET: s3.secretAccessKey,
    AWS_REGION: s3.region,
    S3_ENDPOINT: endpoint,
  };
}
