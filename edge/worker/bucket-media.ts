import type { MediaReader } from '../../daemon/app/app-deps.js';
import type { R2Bucket } from './bindings.js';

/** `GET /media/*` from the bucket the daemon publishes posters to. */
export function bucketMedia(bucket: R2Bucket): MediaReader {
  return async (key) => {
    const object = await bucket.get(key);
    if (!object) return null;
    return { body: object.body, size: object.size, contentType: object.httpMetadata?.contentType ?? 'application/octet-stream' };
  };
}
