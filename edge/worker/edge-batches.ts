import type { Batch, BatchAccepted, BatchesPage } from '../../shared/api-types.js';
import type { BatchRoutesApi } from '../../daemon/app/app-deps.js';
import { PipelineError } from '../../daemon/errors.js';
import type { DaemonClient } from './daemon-client.js';

const at = (id: string) => encodeURIComponent(id);

/**
 * Batches at the edge: forwarded to the daemon, which runs them. A create or retry answers with the
 * batch as the daemon then records it, so the route's 202 carries the daemon's id and total.
 */
export function createEdgeBatches(daemon: DaemonClient): BatchRoutesApi {
  const get = async (id: string) => {
    try {
      return (await daemon.call(`/api/batches/${at(id)}`)) as Batch;
    } catch (error) {
      if (error instanceof PipelineError && error.code === 'not_found') return undefined;
      throw error;
    }
  };
  // The CLI's header, forwarded so a batch keeps saying where it came from.
  const post = async (path: string, source: string, body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(source === 'cli' && { 'x-posterframe-client': 'cli' }) };
    const { batch_id } = (await daemon.call(path, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) })) as BatchAccepted;
    return (await daemon.call(`/api/batches/${at(batch_id)}`)) as Batch;
  };
  return {
    create: ({ request, source }) => post('/api/batches', source, request),
    get,
    list: async (query) => {
      const search = new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
      return (await daemon.call(`/api/batches?${search}`)) as BatchesPage;
    },
    cancel: async (id) => (await daemon.call(`/api/batches/${at(id)}/cancel`, { method: 'POST' })) as Batch,
    retry: (id, source) => post(`/api/batches/${at(id)}/retry`, source),
  };
}
