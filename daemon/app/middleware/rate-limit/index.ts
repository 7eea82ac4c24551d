import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from '../../error-response.js';

export interface RateLimitOptions {
  /** Mutating requests a client may make per minute; also the burst it may make at once. */
  perMinute: number;
  /** The client's address (the key of its bucket); requests without one share a bucket. */
  clientAddress?: (c: Context) => string | undefined;
  /** The clock, in milliseconds; injectable for tests. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Methods that only read are never limited: the UI polls and streams freely. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Past this many clients, buckets that have refilled completely are forgotten (they equal a new one). */
const MAX_TRACKED = 10_000;

/**
 * A token bucket per client address on mutating requests: `perMinute` tokens, refilled continuously.
 * An empty bucket answers 429 with `Retry-After` (whole seconds until one token is back).
 *
 * @example app.use(rateLimit({ perMinute: 600, clientAddress: (c) => getConnInfo(c).remote.address }))
 */
export function rateLimit({ perMinute, clientAddress = () => undefined, now = Date.now }: RateLimitOptions): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  const refilled = (bucket: Bucket, at: number) => Math.min(perMinute, bucket.tokens + (at - bucket.at) * perMs);

  return async (c, next) => {
    if (READ_METHODS.has(c.req.method)) return next();
    const at = now();
    const key = clientAddress(c) ?? 'unknown';
    if (buckets.size >= MAX_TRACKED) for (const [k, b] of buckets) if (refilled(b, at) >= perMinute) buckets.delete(k);
    const bucket = buckets.get(key) ?? { tokens: perMinute, at };
    bucket.tokens = refilled(bucket, at);
    bucket.at = at;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return next();
    }
    const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    c.header('Retry-After', String(seconds));
    return errorResponse(
      c,
      'rate_limited',
      `Expected at most ${perMinute} changes per minute from one client (RATE_LIMIT_PER_MINUTE) but received more; retry in ${seconds} s`,
    );
  };
}
