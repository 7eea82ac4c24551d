import path from 'node:path';
import type { Config } from '../../config.js';
import { createLocalStorage } from './local-storage.js';
import { createS3Storage } from './s3-storage.js';
import type { Storage } from './storage.js';

/**
 * The Storage the configuration asks for: files under `${DATA_DIR}/media` served by the daemon, or the
 * S3 bucket (AWS, or an S3-compatible server when S3_ENDPOINT is set).
 *
 * @param options.publicBaseUrl - Where the daemon serves local media; wins over config.publicBaseUrl,
 *   because the daemon's real address is only known once it listens (PORT=0).
 */
export function createStorage(config: Config, options: { publicBaseUrl?: string } = {}): Storage {
  if (config.storage === 'local') {
    const publicBaseUrl = options.publicBaseUrl ?? config.publicBaseUrl;
    if (!publicBaseUrl) throw new TypeError('Expected a public base URL (PUBLIC_BASE_URL or the daemon address) for local storage but received none');
    return createLocalStorage({ root: path.join(config.dataDir, 'media'), publicBaseUrl });
  }
  const { bucket, ...aws } = config.aws;
  if (!bucket) throw new TypeError('Expected AWS_USER_IMAGES_BUCKET (config.aws.bucket) for STORAGE=s3 but received none');
  return createS3Storage({ ...aws, bucket, uploadConcurrency: config.concurrency.upload });
}
