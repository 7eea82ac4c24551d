import { performance } from 'node:perf_hooks';
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
 * GETs `url` one request after the other and times each (headers, body read in full). The body is read
 * as bytes: fetch does not decode it unless the server set Content-Encoding, which is what a browser
 * receives too. Throws on a status other than 200 or 304.
 */
export async function timeRequests(url: string, options: TimeRequestsOptions): Promise<RequestTimes> {
  const samples: number[] = [];
  const stopAt = performance.now() + options.budgetMs;
  let bytes = 0;
  while (samples.length < options.count && performance.now() < stopAt && (options.while?.() ?? true)) {
    const start = performance.now();
    const response = await fetch(url, { headers: options.headers, signal: AbortSignal.timeout(30_000) });
    bytes = (await response.arrayBuffer()).byteLength;
    samples.push(performance.now() - start);
    if (response.status !== 200 && response.status !== 304) throw new Error(`GET ${url} answered ${response.status}`);
  }
  return { n: samples.length, p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), bytes };
}
