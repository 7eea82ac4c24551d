import type { ErrorBody } from '../../shared/api-types.js';
import { messageOf, PipelineError } from '../../daemon/errors.js';
import { daemonUnavailable } from './daemon-unavailable.js';
import { STATUS_BY_CODE } from '../../daemon/app/error-response.js';
import type { EdgeEnv } from './bindings.js';

/** What the edge asks of the daemon: its HTTP API, with the daemon's token. */
export interface DaemonClient {
  /**
   * One request to the daemon's API. Resolves with the JSON body of a 2xx answer; a daemon error body
   * is rethrown as the same error, so the browser sees what the daemon said.
   * @throws PipelineError('daemon_unavailable') when the daemon cannot be reached or answers as no daemon would.
   */
  call(path: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<unknown>;
}

export function createDaemonClient(env: Pick<EdgeEnv, 'DAEMON_URL' | 'DAEMON_TOKEN'>): DaemonClient {
  return {
    async call(path, init = {}) {
      let response: Response;
      try {
        response = await fetch(new URL(path, env.DAEMON_URL), {
          ...init,
          headers: { accept: 'application/json', authorization: `Bearer ${env.DAEMON_TOKEN}`, ...init.headers },
        });
      } catch (error) {
        throw daemonUnavailable(`it could not be reached (${messageOf(error)})`);
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (response.ok) return body;
      // The daemon refusing the edge's token is the edge's misconfiguration, not the browser's missing token.
      if (response.status === 401) throw daemonUnavailable("it refused the edge's DAEMON_TOKEN (set it to the daemon's API_TOKEN)");
      if (isErrorBody(body)) throw new PipelineError(body.error, body.message, { details: body.details });
      // A tunnel or proxy in front of a stopped daemon answers with its own page.
      throw daemonUnavailable(`it answered HTTP ${response.status} without an error body`);
    },
  };
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const { success, error, message } = body as Record<string, unknown>;
  // A code this edge does not know (a newer daemon) has no status here; it is treated as no error body.
  return success === false && typeof error === 'string' && error in STATUS_BY_CODE && typeof message === 'string';
}
