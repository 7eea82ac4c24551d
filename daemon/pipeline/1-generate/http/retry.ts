import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** Total attempts, the first included. @default 5 */
  attempts?: number;
  /** Upper bound of the first backoff; doubles each retry. @default 500 */
  baseDelayMs?: number;
  /** Cap of a single backoff. @default 10000 */
  maxDelayMs?: number;
  signal?: AbortSignal;
}

/** What one attempt produced: a final value, or a reason to try again (with an optional server-given delay). */
export type Attempt<T> = { done: true; value: T } | { done: false; reason: string; retryAfterMs?: number };

export class RetriesExhaustedError extends Error {
  override readonly name = 'RetriesExhaustedError';
  constructor(
    readonly attempts: number,
    readonly lastReason: string,
  ) {
    super(`Gave up after ${attempts} attempts: ${lastReason}`);
  }
}

/**
 * Runs `attempt` until it is done, sleeping a jittered exponential backoff in between ("full jitter":
 * a random delay up to the cap), so many clients retrying a rate-limited or restarting service spread
 * out instead of hitting it again in lockstep. A server's Retry-After, when given, is a minimum.
 *
 * @throws RetriesExhaustedError after the last attempt; the signal's reason when aborted while waiting
 */
export async function withRetry<T>(attempt: (n: number) => Promise<Attempt<T>>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 5, baseDelayMs = 500, maxDelayMs = 10_000, signal } = options;
  let lastReason = 'no attempt made';
  for (let n = 1; n <= attempts; n++) {
    signal?.throwIfAborted();
    const result = await attempt(n);
    if (result.done) return result.value;
    lastReason = result.reason;
    if (n === attempts) break;
    const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
    const delay = Math.max(Math.random() * cap, Math.min(result.retryAfterMs ?? 0, maxDelayMs));
    await sleep(delay, undefined, { signal }).catch(() => signal?.throwIfAborted());
  }
  throw new RetriesExhaustedError(attempts, lastReason);
}

/** Retry-After in milliseconds (delta-seconds form only; HTTP dates are rare from APIs and ignored). */
export function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
