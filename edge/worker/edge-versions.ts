import type { HistoryResponse, JobActionResponse, RevertResponse } from '../../shared/api-types.js';
import type { VersionsApi } from '../../daemon/app/app-deps.js';
import type { DaemonClient } from './daemon-client.js';

const at = (id: string) => encodeURIComponent(id);
const POST_JSON = { method: 'POST', headers: { 'content-type': 'application/json' } };

/**
 * Poster versions at the edge: every call is forwarded to the daemon, which alone keeps the versions
 * and publishes; the daemon's answer (or error) is the browser's answer.
 */
export function createEdgeVersions(daemon: DaemonClient): VersionsApi {
  const decide = async (jobId: string, decision: 'accept' | 'discard') =>
    ((await daemon.call(`/api/jobs/${at(jobId)}/${decision}`, { method: 'POST' })) as JobActionResponse).job;
  return {
    accept: (jobId) => decide(jobId, 'accept'),
    discard: (jobId) => decide(jobId, 'discard'),
    history: async (actorId) => (await daemon.call(`/api/actors/${at(actorId)}/history`)) as HistoryResponse,
    revert: async (actorId, version) =>
      (await daemon.call(`/api/actors/${at(actorId)}/revert`, { ...POST_JSON, body: JSON.stringify({ version }) })) as RevertResponse,
  };
}
