import { request } from 'undici';
import { messageOf, PipelineError } from '../../errors.js';
import { httpAgent } from '../http-agent.js';
import type { Storage } from './storage.js';
import { encodeKey } from './storage-key.js';

export interface EdgeStorageOptions {
  /** The edge Worker's origin (EDGE_URL). */
  edgeUrl: string;
  /** The daemon's API_TOKEN, which the Worker knows as DAEMON_TOKEN. */
  token: string;
  /** Base of public URLs (PUBLIC_MEDIA_BASE_URL; by default the Worker's /media). */
  publicMediaBaseUrl: string;
}

/**
 * Storage in the edge Worker's R2 bucket, written through the Worker's `/_daemon/objects/` routes
 * (each put is one atomic object replace in R2). It needs no R2 credentials on the daemon's machine,
 * and it is what runs locally, where the bucket is miniflare's.
 */
export function createEdgeStorage(options: EdgeStorageOptions): Storage {
  const base = `${options.edgeUrl}/_daemon/objects`;
  const authorization = `Bearer ${options.token}`;

  async function send(method: 'PUT' | 'DELETE' | 'GET', key: string, init: { body?: Uint8Array; headers?: Record<string, string> } = {}) {
    const what = `${method} ${key}`;
    try {
      const response = await request(`${base}/${encodeKey(key)}`, {
        method,
        dispatcher: httpAgent,
        body: init.body,
        headers: { authorization, ...init.headers },
      });
      if (response.statusCode === 404 && method === 'GET') {
        await response.body.dump();
        return null;
      }
      if (response.statusCode >= 300) throw new Error(`HTTP ${response.statusCode}: ${(await response.body.text()).slice(0, 300)}`);
      return response;
    } catch (error) {
      throw new PipelineError('storage_failed', `Edge bucket ${what} at ${options.edgeUrl} failed: ${messageOf(error)}`, { cause: error });
    }
  }

  return {
    kind: 'edge',
    async put(key, body, contentType) {
      await (await send('PUT', key, { body, headers: { 'content-type': contentType } }))?.body.dump();
    },
    async copy(fromKey, toKey) {
      await (await send('PUT', toKey, { headers: { 'x-copy-from': encodeKey(fromKey) } }))?.body.dump();
    },
    async delete(keys) {
      await Promise.all(keys.map(async (key) => (await send('DELETE', key))?.body.dump()));
    },
    async get(key) {
      const response = await send('GET', key);
      if (!response) return null;
      const body = new Uint8Array(await response.body.arrayBuffer());
      return { body, size: body.byteLength, contentType: String(response.headers['content-type'] ?? 'application/octet-stream') };
    },
    publicUrls(key) {
      const url = `${options.publicMediaBaseUrl}/${encodeKey(key)}`;
      return { accelerated: url, standard: url };
    },
  };
}
