import { PipelineError } from '../../../errors.js';

/** Counts open long-lived connections (event streams) against a cap. */
export interface ConnectionCap {
  /**
   * Takes a slot, or throws PipelineError('too_many_connections') (503) when all are taken.
   * @returns Gives the slot back; calling it again does nothing.
   */
  acquire(): () => void;
  readonly open: number;
}

/**
 * @param max - Connections open at once (SSE_MAX_CLIENTS). Each event stream holds a socket and a
 *   subscription; past the cap a client is told to come back rather than exhaust the daemon.
 * @example const release = cap.acquire(); try { await streamUntilClosed() } finally { release() }
 */
export function connectionCap(max: number): ConnectionCap {
  let open = 0;
  return {
    acquire() {
      if (open >= max) {
        throw new PipelineError('too_many_connections', `Expected at most ${max} open event streams (SSE_MAX_CLIENTS) but all are taken; retry later`);
      }
      open += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        open -= 1;
      };
    },
    get open() {
      return open;
    },
  };
}
