import { readDaemonFile } from '../discovery/daemon-file.js';
import { createDaemonClient, type DaemonClient } from './daemon-client.js';

/**
 * The daemon serving `dataDir`, when one runs: `DATA_DIR/daemon.json` names it, and its `/healthz`
 * must answer the same instance id (a pid alone proves nothing: it may be reused, and the file may
 * have outlived a killed daemon whose port another process now holds).
 */
export async function findLiveDaemon(dataDir: string, apiToken?: string): Promise<{ url: string; client: DaemonClient } | undefined> {
  const announced = await readDaemonFile(dataDir);
  if (!announced) return undefined;
  const client = createDaemonClient(announced.url, apiToken);
  return (await client.instanceId()) === announced.instance_id ? { url: announced.url, client } : undefined;
}
