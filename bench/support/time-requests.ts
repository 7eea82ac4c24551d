import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { quantile } from '../stats.js';

export interface RequestTimes {
  n: number;
  p50: number;
  p99: number;
  /** Size of the last body received, in bytes (compressed when the server compressed it). */
  bytes: number;
}

export interface TimeRequestsOptions {
  headers?: Record<string, string>;
  /** At most this many requests. */
  count: number;
  /** Stop early after this long (ms), so a slow server shortens the sample instead of the run hanging. */
  budgetMs: number;
  /** Keep going only while this says so (e.g. while a batch runs). Default: always. */
  while?: () => boolean;
}

/**
 * GETs `url` one request after the other and times each (headers, body read in full). undici's
 * `request` hands over the bytes as sent: fetch would gunzip a compressed body first, timing the
 * client's decompression of 14 MB instead of the server's answer. Throws on a status other than 200 or 304.
 */
export async function timeRequests(url: string, options: TimeRequestsOptions): Promise<RequestTimes> {
  const samples: number[] = [];
  const stopAt = performance.now() + options.budgetMs;
  let bytes = 0;
  while (samples.length < options.count && performance.now() < stopAt && (options.while?.() ?? true)) {
    const start = performance.now();
    const response = await request(url, { headers: options.headers, headersTimeout: 30_000, bodyTimeout: 30_000 });
    bytes = (await response.body.arrayBuffer()).byteLength;
    samples.push(performance.now() - start);
    if (response.statusCode !== 200 && response.statusCode !== 304) throw new Error(`GET ${url} answered ${response.statusCode}`);
  }
  return { n: samples.length, p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), bytes };
}
