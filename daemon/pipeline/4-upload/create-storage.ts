import path from 'node:path';
import type { Config } from '../../config.js';
import { createLocalStorage } from './local-storage.js';
import type { Storage } from './storage.js';
import { encodeKey } from './storage-key.js';

/**
 * The Storage the configuration asks for: files under `${DATA_DIR}/media` served by the daemon, or the
 * S3 bucket (AWS, or an S3-compatible server when S3_ENDPOINT is set). It depends on the configuration
 * alone, never on which process asks (daemon or CLI) or where it listens, so every writer hands out the
 * same URLs: relative `/media/…` for local files unless PUBLIC_BASE_URL says otherwise. The S3 and
 * edge clients are imported only when chosen (the AWS SDK costs ~0.25 s of CPU to load at every start).
 */
export async function createStorage(config: Config): Promise<Storage> {
  if (config.storage === 'local') {
    return createLocalStorage({ root: path.join(config.dataDir, 'media'), publicBaseUrl: config.publicBaseUrl });
  }
  if (config.storage === 'edge') {
    const { edgeUrl, apiToken, publicMediaBaseUrl } = config;
    if (!edgeUrl || !apiToken || !publicMediaBaseUrl) throw new TypeError('Expected EDGE_URL and API_TOKEN for STORAGE=edge but received none');
    const { createEdgeStorage } = await import('./edge-storage.js');
    return createEdgeStorage({ edgeUrl, token: apiToken, publicMediaBaseUrl });
  }
  const { bucket, ...aws } = config.aws;
  if (!bucket) throw new TypeError('Expected AWS_USER_IMAGES_BUCKET (config.aws.bucket) for STORAGE=s3 but received none');
  const { createS3Storage } = await import('./s3-storage.js');
  const s3 = createS3Storage({ ...aws, bucket, uploadConcurrency: config.concurrency.upload });
  return config.publicMediaBaseUrl ? withPublicBase(s3, config.publicMediaBaseUrl) : s3;
}

/**
 * The storage with public URLs under `base` (PUBLIC_MEDIA_BASE_URL): an R2 bucket behind S3_ENDPOINT
 * is only reachable with credentials there, so readers get posters from the edge Worker or a custom domain.
 */
function withPublicBase(storage: Storage, base: string): Storage {
  const publicUrls = (key: string) => {
    const url = `${base}/${encodeKey(key)}`;
    return { accelerated: url, standard: url };
  };
  return { ...storage, publicUrls };
}
