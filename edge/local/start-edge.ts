import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { bundleWorker } from './bundle-worker.js';

const EDGE_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface EdgeOptions {
  /** The daemon's origin (the Worker's DAEMON_URL secret). */
  daemonUrl: string;
  /** The daemon's API_TOKEN (the Worker's DAEMON_TOKEN secret). */
  daemonToken: string;
  /** When set, mutations at the edge need it (the Worker's API_TOKEN secret). */
  apiToken?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Keeps the bucket and the hub's storage in this folder across restarts (npm run edge); in memory when absent. */
  stateDir?: string;
  /** The Worker's LOG_LEVEL (wrangler.json's var by default); tests pass `error`. */
  logLevel?: string;
}

export interface RunningEdge {
  /** Where the Worker answers, e.g. http://127.0.0.1:8788 (no trailing slash). */
  url: string;
  miniflare: Miniflare;
  close(): Promise<void>;
}

interface WranglerConfig {
  compatibility_date: string;
  compatibility_flags: string[];
  assets: { directory: string; binding: string };
  r2_buckets: Array<{ binding: string; bucket_name: string }>;
  durable_objects: { bindings: Array<{ name: string; class_name: string }> };
  vars: Record<string, string>;
}

/**
 * Runs the Worker locally in workerd (miniflare), with the bindings edge/wrangler.json declares — the
 * same file `wrangler deploy` reads — and local R2 and Durable Object storage. No Cloudflare account.
 */
export async function startEdge(options: EdgeOptions): Promise<RunningEdge> {
  const config = JSON.parse(await readFile(path.join(EDGE_DIR, 'wrangler.json'), 'utf8')) as WranglerConfig;
  const miniflare = new Miniflare({
    modules: true,
    script: await bundleWorker(),
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags,
    // No request.cf lookup: it would be fetched from the internet, which a local run must not need.
    cf: false,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    log: new Log(LogLevel.WARN),
    ...(options.stateDir ? { defaultPersistRoot: options.stateDir, r2Persist: true, durableObjectsPersist: true } : {}),
    r2Buckets: Object.fromEntries(config.r2_buckets.map((bucket) => [bucket.binding, bucket.bucket_name])),
    durableObjects: Object.fromEntries(config.durable_objects.bindings.map((binding) => [binding.name, { className: binding.class_name, useSQLite: true }])),
    assets: {
      directory: path.resolve(EDGE_DIR, config.assets.directory),
      binding: config.assets.binding,
      routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
    },
    bindings: {
      ...config.vars,
      ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}),
      DAEMON_URL: options.daemonUrl,
      DAEMON_TOKEN: options.daemonToken,
      ...(options.apiToken ? { API_TOKEN: options.apiToken } : {}),
    },
  });
  const url = (await miniflare.ready).origin;
  return { url, miniflare, close: () => miniflare.dispose() };
}
