import pLimit, { type LimitFunction } from 'p-limit';
import { followCapacity, MIN_SLOTS, type CapacityReport, type Limit } from './follow-capacity.js';

/**
 * Each stage has its own concurrency limit because their costs differ: remote generation is slow I/O,
 * encoding is CPU-bound, uploads are network-bound. A job holds a slot only while in that stage.
 */
export interface StageLimits {
  generate: Limit;
  encode: LimitFunction;
  upload: LimitFunction;
}

export interface StageConcurrency {
  /** Fixed (GENERATE_CONCURRENCY); when undefined it follows `capacity`, or is MIN_SLOTS without one. */
  generate?: number;
  encode: number;
  upload: number;
}

/**
 * @param capacity the generator's capacity look-up (Generator.capacity), followed unless `concurrency.generate` fixes it
 * @param onCapacity told each capacity look-up's outcome, for the log
 */
export function createStageLimits(
  concurrency: StageConcurrency,
  capacity?: (signal: AbortSignal) => Promise<number>,
  onCapacity?: (report: CapacityReport) => void,
): StageLimits {
  const generate = pLimit(concurrency.generate ?? MIN_SLOTS);
  return {
    generate: concurrency.generate === undefined && capacity ? followCapacity(generate, capacity, onCapacity) : generate,
    encode: pLimit(concurrency.encode),
    upload: pLimit(concurrency.upload),
  };
}

/** Whether work handed to `limit` now would have to wait for a slot. */
export const isSaturated = (limit: LimitFunction): boolean => limit.activeCount + limit.pendingCount >= limit.concurrency;
