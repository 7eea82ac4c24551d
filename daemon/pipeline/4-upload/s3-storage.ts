import { CopyObjectCommand, DeleteObjectsCommand, GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { messageOf, PipelineError } from '../../errors.js';
import { createS3Client, type S3ClientOptions } from './s3-client.js';
import { s3PublicUrls } from './s3-public-urls.js';
import type { Storage } from './storage.js';
import { contentTypeOf, encodeKey, keySegments } from './storage-key.js';

export interface S3StorageOptions extends S3ClientOptions {
  bucket: string;
  /** Most S3 requests in flight at once (UPLOAD_CONCURRENCY); default 8. */
  uploadConcurrency?: number;
}

// Canonical keys are overwritten on every regeneration, so they must not be cached as immutable.
// Published URLs carry ?v=<content version>; this only bounds how stale an unversioned URL can get.
const CACHE_CONTROL = 'public, max-age=300';
const DELETE_BATCH = 1000; // DeleteObjects' per-request maximum

const HINTS: Record<string, string> = {
  CredentialsProviderError: 'set AWS_ACCESS_KEY and AWS_ACCESS_SECRET, or configure the AWS default credential chain',
  InvalidAccessKeyId: 'check AWS_ACCESS_KEY',
  SignatureDoesNotMatch: 'check AWS_ACCESS_SECRET',
  AccessDenied: 'check that the credentials may write to this bucket',
  NoSuchBucket: 'check AWS_USER_IMAGES_BUCKET',
  PermanentRedirect: 'check AWS_REGION (the bucket lives in another region)',
  AuthorizationHeaderMalformed: 'check AWS_REGION',
};

/**
 * Storage in an S3 bucket (or an S3-compatible server via `endpoint`), through @aws-sdk/client-s3.
 *
 * @example const storage = createS3Storage({ ...config.aws, bucket, uploadConcurrency: config.concurrency.upload });
 */
export function createS3Storage(options: S3StorageOptions): Storage {
  const { bucket } = options;
  const client = createS3Client(options);
  const limit = pLimit(options.uploadConcurrency ?? 8);

  async function send<T>(operation: string, subject: string, request: () => Promise<T>): Promise<T> {
    try {
      return await limit(request);
    } catch (error) {
      throw storageFailed(operation, subject, error);
    }
  }

  function storageFailed(operation: string, subject: string, reason: unknown): PipelineError {
    const name = (reason as { name?: string }).name ?? '';
    const hint = HINTS[name] ? `; ${HINTS[name]}` : '';
    return new PipelineError('storage_failed', `S3 ${operation} of ${subject} in ${bucket} failed: ${messageOf(reason)}${hint}`, { cause: reason });
  }

  return {
    kind: 's3',
    async put(key, body, contentType) {
      keySegments(key);
      await send('PutObject', key, () =>
        client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, CacheControl: CACHE_CONTROL })),
      );
    },
    async copy(fromKey, toKey) {
      const source = `${bucket}/${encodeKey(fromKey)}`;
      keySegments(toKey);
      await send('CopyObject', `${fromKey} to ${toKey}`, () =>
        client.send(new CopyObjectCommand({ Bucket: bucket, Key: toKey, CopySource: source, MetadataDirective: 'COPY' })),
      );
    },
    async delete(keys) {
      keys.forEach(keySegments);
      for (let start = 0; start < keys.length; start += DELETE_BATCH) {
        const batch = keys.slice(start, start + DELETE_BATCH);
        const result = await send('DeleteObjects', batch.join(', '), () =>
          client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } })),
        );
        const [failed] = result.Errors ?? [];
        if (failed) {
          const reason = Object.assign(new Error(`${failed.Code}: ${failed.Message}`), { name: failed.Code ?? 'Error' });
          throw storageFailed('DeleteObjects', failed.Key ?? batch.join(', '), reason);
        }
      }
    },
    async get(key) {
      keySegments(key);
      try {
        return await limit(async () => {
          const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
          const body = await object.Body!.transformToByteArray();
          return { body, size: body.byteLength, contentType: object.ContentType ?? contentTypeOf(key) };
        });
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw storageFailed('GetObject', key, error);
      }
    },
    publicUrls: (key) => s3PublicUrls(options, key),
  };
}
