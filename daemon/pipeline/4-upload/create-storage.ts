import path from 'node:path';
import type { Config } from '../../config.js';
import { createLocalStorage } from './local-storage.js';
import { createS3Storage } from './s3-storage.js';
import type { Storage } from './storage.js';

/**
 * The Storage the configuration asks for: files under `${DATA_DIR}/media` served by the daemon, or the
 * S3 bucket (AWS, or an S3-compatible server when S3_ENDPOINT is set). It depends on the configuration
 * alone, never on which process asks (daemon or CLI) or where it listens, so every writer hands out the
 * same URLs: relative `/media/…` for local files unless PUBLIC_BASE_URL says otherwise.
 */
export function createStorage(config: Config): Storage {
  if (config.storage === 'local') {
    return createLocalStorage({ root: path.join(config.dataDir, 'media'), publicBaseUrl: config.publicBaseUrl });
  }
  const { bucket, ...aws } = config.aws;
  if (!bucket) throw new TypeError('Expected AWS_USER_IMAGES_BUCKET (config.aws.bucket) for STORAGE=s3 but received none');
  return createS3Storage({ ...aws, bucket, uploadConcurrency: config.concurrency.upload });
}
