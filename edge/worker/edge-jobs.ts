import type { AcceptedResponse, ErrorBody, Job, JobActionResponse, JobsPage } from '../../shared/api-types.js';
import { jobsSearch } from '../../shared/jobs-search.js';
import { PipelineError } from '../../daemon/errors.js';
import type { JobService } from '../../daemon/jobs/job-service.js';
import type { DurableObjectStub } from './bindings.js';
import type { DaemonClient } from './daemon-client.js';

/**
 * The job service at the edge: a submit or cancel is forwarded to the daemon (which does the work); reads and
 * waits are answered by the event hub, which follows every job through the daemon's events, so they
 * need no daemon round trip and no polling.
 */
export function createEdgeJobs(daemon: DaemonClient, hub: DurableObjectStub): JobService {
  return {
    async submit({ actor, request }) {
      const accepted = (await daemon.call(`/api/actors/${encodeURIComponent(String(actor.id))}/regenerate-poster-frame`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', prefer: 'respond-async' },
        body: JSON.stringify(request),
      })) as AcceptedResponse;
      // The daemon's record, not the hub's: the hub may not have heard of the job yet.
      const job = (await daemon.call(`/api/jobs/${encodeURIComponent(accepted.job_id)}`)) as Job;
      return { job, joined: accepted.joined };
    },
    async get(id) {
      const response = await hub.fetch(`https://hub/jobs/${encodeURIComponent(id)}`);
      return response.status === 404 ? undefined : ((await response.json()) as Job);
    },
    async list(query = {}) {
      const response = await hub.fetch(`https://hub/jobs${jobsSearch(query)}`);
      return (await response.json()) as JobsPage;
    },
    async waitFor(id, signal) {
      const response = await hub.fetch(`https://hub/wait/${encodeURIComponent(id)}`, { signal });
      const body = (await response.json()) as Job | ErrorBody;
      if (response.ok) return body as Job;
      const { error, message } = body as ErrorBody;
      throw new PipelineError(error, message);
    },
    async cancel(id) {
      return ((await daemon.call(`/api/jobs/${encodeURIComponent(id)}/cancel`, { method: 'POST' })) as JobActionResponse).job;
    },
  };
}
