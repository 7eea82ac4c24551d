import { encodeKey } from './storage-key.js';

export interface S3UrlOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
}

/**
 * The public URLs of an S3 object. On AWS they are exactly the seed's two forms:
 * accelerated `https://{bucket}.s3-accelerate.amazonaws.com/{key}` and standard
 * `https://{bucket}.s3.{region}.amazonaws.com/{key}`. An S3-compatible server has no accelerated
 * endpoint, so both are its own URL, path-style or with the bucket as a subdomain.
 */
export function s3PublicUrls(options: S3UrlOptions, key: string): { accelerated: string; standard: string } {
  const { bucket, region, endpoint, forcePathStyle = false } = options;
  const path = encodeKey(key);
  if (!endpoint) {
    return {
      accelerated: `https://${bucket}.s3-accelerate.amazonaws.com/${path}`,
      standard: `https://${bucket}.s3.${region}.amazonaws.com/${path}`,
    };
  }
  const server = new URL(endpoint);
  const prefix = server.pathname.replace(/\/+$/, '');
  const url = forcePathStyle ? `${server.origin}${prefix}/${bucket}/${path}` : `${server.protocol}//${bucket}.${server.host}${prefix}/${path}`;
  return { accelerated: url, standard: url };
}
