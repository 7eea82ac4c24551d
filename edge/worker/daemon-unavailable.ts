import { PipelineError } from '../../daemon/errors.js';

/** The edge's 503 for any change (or live stream) that needs the daemon while it is away. */
export function daemonUnavailable(reason: string): PipelineError {
  return new PipelineError(
    'daemon_unavailable',
    `The daemon that regenerates posters is unavailable: ${reason}. Reading still works; retry once the daemon is back.`,
  );
}
