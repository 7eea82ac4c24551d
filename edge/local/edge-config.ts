import path from 'node:path';
import { z } from 'zod';

/**
 * The settings of `npm run edge` (the Worker run locally), read and validated once; the Worker's own
 * bindings come from edge/wrangler.json. A bad value stops start-up with a message naming the variable.
 */
export interface EdgeConfig {
  port: number;
  daemonUrl: string;
  daemonToken: string;
  apiToken?: string;
  stateDir: string;
}

const schema = z.object({
  EDGE_PORT: z.coerce.number().int().min(0).max(65535).default(8788),
  DAEMON_URL: z.url({ message: 'Expected an absolute http(s) URL' }).default('http://127.0.0.1:8787'),
  DAEMON_TOKEN: z.string().trim().min(1).optional(),
  API_TOKEN: z.string().trim().min(1).optional(),
  EDGE_API_TOKEN: z.string().trim().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
});

export function loadEdgeConfig(env: Record<string, string | undefined>, cwd = process.cwd()): EdgeConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(present[String(i.path[0])])})`);
    throw new Error(`Invalid edge configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // The daemon and the edge share one .env: the daemon's API_TOKEN is the edge's DAEMON_TOKEN.
  const daemonToken = e.DAEMON_TOKEN ?? e.API_TOKEN;
  if (!daemonToken) throw new Error("Invalid edge configuration:\n  DAEMON_TOKEN: required (the daemon's API_TOKEN; set either)");
  return {
    port: e.EDGE_PORT,
    daemonUrl: e.DAEMON_URL.replace(/\/+$/, ''),
    daemonToken,
    apiToken: e.EDGE_API_TOKEN,
    stateDir: path.resolve(cwd, e.DATA_DIR, 'edge'),
  };
}
