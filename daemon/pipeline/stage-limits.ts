import pLimit, { type LimitFunction } from 'p-limit';

/**
 * Each stage has its own concurrency limit because their costs differ: remote generation is slow I/O,
 * encoding is CPU-bound, uploads are network-bound. A job holds a slot only while in that stage.
 */
export interface StageLimits {
  generate: LimitFunction;
  encode: LimitFunction;
  upload: LimitFunction;
}

export const createStageLimits = (concurrency: { generate: number; encode: number; upload: number }): StageLimits => ({
  generate: pLimit(concurrency.generate),
  encode: pLimit(concurrency.encode),
  upload: pLimit(concurrency.upload),
});
