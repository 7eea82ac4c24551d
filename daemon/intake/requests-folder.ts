import { watch } from 'chokidar';
import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { isErrno } from '../fs/atomic-write.js';
import type { BatchService } from '../batches/batch-service.js';
import type { JobService } from '../jobs/job-service.js';
import type { ActorsStore } from '../pipeline/5-save/actors-store.js';
import { moveUnique } from './move-unique.js';
import { orphanedMarkers } from './job-marker.js';
import { MAX_REQUEST_FILE_BYTES } from './request-file.js';
import { createRequestRunner } from './run-request.js';

export interface RequestsFolderOptions {
  /** The folder users drop `*.json` request files into; `processing/`, `done/` and `failed/` live inside it. */
  dir: string;
  jobs: JobService;
  /** Runs request files naming `actor_ids` as batches. */
  batches?: BatchService;
  actors: ActorsStore;
  logger: Logger;
  /** Larger files are failed unread. Default 1 MiB. */
  maxFileBytes?: number;
}

/**
 * Only `*.json` whose name does not start with '.', so dotfiles and the partial names that editors,
 * browsers and copy tools write first (`.tmp`, `.part`, `~`, `.swp`, `.crdownload`) are left alone
 * until they are renamed to their final name.
 */
export const isRequestFileName = (name: string): boolean => name.endsWith('.json') && !name.startsWith('.');

/** Claiming and parsing are cheap but a flood of files should not open them all at once. */
const INTAKE_CONCURRENCY = 8;

/** Folder changes come in bursts; the folder is swept once the burst settles. */
const SWEEP_DELAY_MS = 100;
/** And every few seconds regardless: see sweepFolder. */
const SWEEP_INTERVAL_MS = 2000;
/** A file unchanged for this long is complete (the watcher itself waits 200 ms of stability). */
const SETTLED_MS = 1000;

/**
 * Watches the requests folder: each request file is claimed by moving it to `processing/`, run as a
 * job, and moved to `done/` (with `<name>.result.json`) or `failed/` (with `<name>.error.json`).
 * Files already in the folder and files a crash left in `processing/` are handled at start; symbolic
 * links are claimed too, and failed with a reason.
 */
export async function startRequestsFolder(options: RequestsFolderOptions): Promise<{ close(): Promise<void> }> {
  const { jobs, batches, actors, logger, maxFileBytes = MAX_REQUEST_FILE_BYTES } = options;
  const dir = resolve(options.dir);
  const processing = join(dir, 'processing');
  await Promise.all(['processing', 'done', 'failed'].map((sub) => mkdir(join(dir, sub), { recursive: true })));
  let closed = false;

  const run = createRequestRunner({ dir, jobs, batches, actors, logger, maxFileBytes, limit: pLimit(INTAKE_CONCURRENCY) });
  /** Paths being claimed, so the watcher and the link sweep never claim one twice. */
  const claiming = new Set<string>();

  async function claim(path: string): Promise<void> {
    if (closed || claiming.has(path)) return;
    const name = basename(path);
    let claimed: string;
    claiming.add(path);
    try {
      claimed = await moveUnique(path, processing, name);
    } catch (error) {
      // A file deleted or renamed away before we claimed it is simply no longer a request.
      if (isErrno(error, 'ENOENT')) logger.info({ requestFile: name }, 'request file vanished before it was read');
      else logger.error({ err: error, requestFile: name }, 'request file could not be claimed');
      return;
    } finally {
      claiming.delete(path);
    }
    await run(claimed);
  }

  /**
   * The watcher's safety net. It reports no link it cannot stat (loops, dangling links), and a link
   * would stay forever if left, so every link is claimed like a file (reading it fails it with a
   * reason). And under load it has been seen to miss a burst of files renamed in (100 at once, all
   * left in the folder until the next change to it), so a request file that has settled is claimed
   * here too; `claim` takes each path once, whoever sees it first.
   */
  async function sweepFolder(): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!isRequestFileName(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) void claim(path);
      else if (entry.isFile() && (await isSettled(path))) void claim(path);
    }
  }

  const left = await readdir(processing);
  await Promise.all(orphanedMarkers(left).map((marker) => rm(join(processing, marker), { force: true })));
  const interrupted = left.filter(isRequestFileName);
  if (interrupted.length) logger.info({ files: interrupted }, 'resuming request files left in processing/');
  for (const name of interrupted) void run(join(processing, name));

  const watcher = watch(dir, {
    depth: 0,
    ignoreInitial: false,
    ignored: (path) => resolve(path) !== dir && !isRequestFileName(basename(path)),
    followSymlinks: false,
    awaitWriteFinish: { stabilityThreshold: 200, pollInterval: 50 },
  });
  watcher.on('add', (path) => void claim(path));
  let sweep: ReturnType<typeof setTimeout> | undefined;
  watcher.on('raw', () => {
    sweep ??= setTimeout(() => {
      sweep = undefined;
      void sweepFolder();
    }, SWEEP_DELAY_MS);
  });
  watcher.on('error', (error) => logger.error({ err: error, dir }, 'requests folder watcher failed'));
  await new Promise<void>((ready) => watcher.once('ready', ready));
  logger.info({ dir }, 'watching the requests folder');
  await sweepFolder();
  const sweeping = setInterval(() => void sweepFolder(), SWEEP_INTERVAL_MS).unref();

  return {
    async close() {
      closed = true;
      clearTimeout(sweep);
      clearInterval(sweeping);
      await watcher.close();
    },
  };
}

async function isSettled(path: string): Promise<boolean> {
  const stats = await lstat(path).catch(() => undefined);
  // ctime too: a rename keeps the old mtime, and a file renamed in just now is the watcher's to claim first.
  return stats !== undefined && Date.now() - Math.max(stats.mtimeMs, stats.ctimeMs) >= SETTLED_MS;
}
