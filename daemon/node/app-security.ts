import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppSecurity } from '../app/app-deps.js';
import type { Config } from '../config.js';
import { s3PublicUrls } from '../pipeline/4-upload/s3-public-urls.js';

/** Origins posters are served from besides the daemon: the S3 URLs' hosts, PUBLIC_BASE_URL, PUBLIC_MEDIA_BASE_URL. */
export function mediaOrigins(config: Config): string[] {
  // PUBLIC_MEDIA_BASE_URL: posters from the edge Worker's /media (STORAGE=edge, or R2 behind S3_ENDPOINT).
  const urls = [config.publicBaseUrl, config.publicMediaBaseUrl].filter((url): url is string => url !== undefined);
  const { bucket, region, endpoint, forcePathStyle } = config.aws;
  if (config.storage === 's3' && bucket) urls.push(...Object.values(s3PublicUrls({ bucket, region, endpoint, forcePathStyle }, 'k')));
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

/** The app's HTTP protections from the config, with the client address read from the Node socket. */
export function appSecurity(config: Config): AppSecurity {
  const { allowedHosts, anyIpAddressHost, rateLimitPerMinute, sseMaxClients } = config.security;
  return {
    allowedHosts,
    anyIpAddressHost,
    imageOrigins: mediaOrigins(config),
    rateLimitPerMinute,
    clientAddress: (c) => getConnInfo(c).remote.address,
    sseMaxClients,
  };
}
