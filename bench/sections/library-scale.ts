import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startChildDaemon, type ChildDaemon } from '../../tests/support/child-daemon.js';
import { requestFor } from '../../tests/support/sample-actors.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import type { BenchRow, BenchSection } from '../section.js';
import { withDeadline } from '../support/deadline.js';
import { buildDaemon } from '../../tests/support/build-daemon.js';
import { publishedLibrary, writeLibraryFile } from '../support/library-file.js';
import { processCpuMs } from '../support/process-cpu.js';
import { timeSaves } from '../support/time-saves.js';
import { sseFanOut } from '../support/sse-fan-out.js';
import { type RequestTimes, timeRequests } from '../support/time-requests.js';
import { regenerateAll } from '../support/regenerate-all.js';

const ACTORS = 10_000;
/** Regenerations with the built-in generator (CPU-bound: rendering and encoding on this machine). */
const BATCH = 24;
const SSE_CLIENTS = 500;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const check = (value: number, limit: number) => (value < limit ? '✓' : '✗');
const percentiles = (times: RequestTimes) => `p50 ${ms(times.p50)} / p99 ${ms(times.p99)} (n=${times.n})`;
const GZIP = { 'accept-encoding': 'gzip' };

/** Spawns `npm start`'s daemon (the built bundle) on `dataDir` and times it from spawn to listening with the library ready. */
async function timedStart(dataDir: string, requestsDir: string): Promise<{ daemon: ChildDaemon; startMs: number; cpuMs: number }> {
  const started = performance.now();
  const daemon = await withDeadline(
    'daemon start',
    60_000,
    startChildDaemon(
      { DATA_DIR: dataDir, REQUESTS_DIR: requestsDir, GENERATOR: 'builtin', STORAGE: 'local', SSE_MAX_CLIENTS: String(SSE_CLIENTS + 10) },
      { bundle: true },
    ),
  );
  const startMs = performance.now() - started;
  return { daemon, startMs, cpuMs: await processCpuMs(daemon.pid) };
}

/**
 * The 10,000-actor library (a generated actorsData.json in the sample's format, with published poster
 * URLs, ~13 MB) through `npm start`'s daemon as a child process, measured from this (second) process:
 * first start (imports the file) and restart, GET /api/actors unloaded and while a CPU-bound batch
 * runs, one poster update durably recorded, SSE fan-out of one event to 500 clients, and peak RSS.
 * Every step has a deadline or a time budget, so a starved machine gives fewer samples, never a hang.
 */
const section: BenchSection = {
  name: 'library-scale',
  title: `Library scale: ${ACTORS.toLocaleString('en-US')} actors (start, GET /api/actors, update, SSE fan-out, RSS)`,
  async run() {
    const dir = await tempDir();
    const dataDir = path.join(dir.path, 'data');
    const requestsDir = path.join(dir.path, 'requests');
    const saveDir = path.join(dir.path, 'save');
    let daemon: ChildDaemon | undefined;
    try {
      await Promise.all([mkdir(dataDir), mkdir(saveDir), buildDaemon()]);
      const actors = publishedLibrary(ACTORS);
      const fileBytes = await writeLibraryFile(path.join(dataDir, 'actorsData.json'), actors);
      await copyFile(path.join(dataDir, 'actorsData.json'), path.join(saveDir, 'actorsData.json'));

      const first = await timedStart(dataDir, requestsDir);
      await withDeadline('daemon stop', 30_000, first.daemon.stop());
      const restart = await timedStart(dataDir, requestsDir);
      daemon = restart.daemon;
      const url = daemon.url;
      const list = `${url}/api/actors`;

      // The first request builds the body (once per start); then what each request costs the daemon.
      const firstGzip = await timeRequests(list, { headers: GZIP, count: 1, budgetMs: 20_000 });
      const gzipCpuBefore = await processCpuMs(daemon.pid);
      const gzip = await timeRequests(list, { headers: GZIP, count: 200, budgetMs: 20_000 });
      const gzipCpuMs = ((await processCpuMs(daemon.pid)) - gzipCpuBefore) / gzip.n;
      const raw = await timeRequests(list, { count: 20, budgetMs: 20_000 });
      const etag = (await fetch(list, { method: 'HEAD' })).headers.get('etag') ?? '';
      const notModified = await timeRequests(list, { headers: { 'if-none-match': etag }, count: 200, budgetMs: 10_000 });
      const page = await timeRequests(`${list}?limit=100&sort=updated`, { count: 200, budgetMs: 10_000 });
      const one = await timeRequests(`${list}/5000`, { count: 200, budgetMs: 10_000 });
      // Before any poster is encoded: what the library itself costs (sharp's buffers come with the batch).
      const libraryMemory = await daemon.memory();

      let batchRunning = true;
      const batch = withDeadline(`a batch of ${BATCH} regenerations`, 180_000, regenerateAll(url, actors.slice(0, BATCH))).finally(() => {
        batchRunning = false;
      });
      const loadedGzip = timeRequests(list, { headers: GZIP, count: 10_000, budgetMs: 180_000, while: () => batchRunning });
      const [, underBatch] = await Promise.all([batch, loadedGzip]);
      // Read apart from the final peak, so the batch's share and the SSE fan-out's can be told apart.
      const batchMemory = await daemon.memory();

      const actor = actors[ACTORS - 1]!;
      const fanOut = await sseFanOut(url, SSE_CLIENTS, 'job', async () => {
        const response = await fetch(`${url}/api/actors/${actor.id}/regenerate-poster-frame`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', prefer: 'respond-async' },
          body: JSON.stringify(requestFor(actor)),
        });
        if (response.status !== 202) throw new Error(`regenerate answered ${response.status}: ${await response.text()}`);
      });
      const memory = await daemon.memory();
      const saves = await withDeadline('timing poster updates', 120_000, timeSaves(saveDir));

      const rows: BenchRow[] = [
        {
          metric: `daemon start, first (imports the ${(fileBytes / 1e6).toFixed(1)} MB file)`,
          value: `${ms(first.startMs)} (daemon CPU ${ms(first.cpuMs)})`,
          target: '< 2 s',
          result: check(first.startMs, 2000),
        },
        {
          metric: 'daemon start, again (library already imported)',
          value: `${ms(restart.startMs)} (daemon CPU ${ms(restart.cpuMs)})`,
          target: '< 2 s',
          result: check(restart.startMs, 2000),
        },
        {
          metric: 'GET /api/actors, gzip (what the UI fetches)',
          value: `${percentiles(gzip)}, daemon CPU ${ms(gzipCpuMs)} per request; the first after start ${ms(firstGzip.p50)}`,
          target: 'p99 < 10 ms',
          result: check(gzip.p99, 10),
        },
        { metric: `GET /api/actors, identity (${(raw.bytes / 1e6).toFixed(1)} MB)`, value: percentiles(raw) },
        { metric: 'GET /api/actors, If-None-Match → 304', value: percentiles(notModified), target: 'p99 < 10 ms', result: check(notModified.p99, 10) },
        { metric: 'GET /api/actors?limit=100&sort=updated', value: percentiles(page), target: 'p99 < 10 ms', result: check(page.p99, 10) },
        { metric: 'GET /api/actors/:id', value: percentiles(one) },
        {
          metric: `GET /api/actors, gzip, during ${BATCH} built-in regenerations`,
          value: percentiles(underBatch),
          target: 'p99 < 50 ms',
          result: check(underBatch.p99, 50),
        },
        {
          metric: 'one poster update recorded (SQLite commit, synchronous)',
          value: `p50 ${ms(saves.update.p50)} / p99 ${ms(saves.update.p99)} (n=${saves.update.n})`,
          target: '< 5 ms',
          result: check(saves.update.p99, 5),
        },
        { metric: 'then actorsData.json exported (off the job path)', value: `p50 ${ms(saves.export.p50)} / p99 ${ms(saves.export.p99)}` },
        {
          metric: `SSE: one event to ${fanOut.received}/${SSE_CLIENTS} clients, first → last`,
          value: ms(fanOut.spreadMs),
          target: '< 250 ms',
          result: check(fanOut.received === SSE_CLIENTS ? fanOut.spreadMs : Number.POSITIVE_INFINITY, 250),
        },
        { metric: 'SSE: trigger → last client', value: ms(fanOut.afterTriggerMs) },
        {
          metric: 'daemon RSS with the library loaded and the list served, before any encode',
          value: `${libraryMemory.rssMiB.toFixed(0)} MiB (peak so far ${libraryMemory.peakMiB.toFixed(0)} MiB)`,
          target: '< 300 MB',
          result: check(libraryMemory.peakMiB * 1.048576, 300),
        },
        {
          metric: `daemon peak RSS after the ${BATCH} regenerations under list requests, before the SSE fan-out`,
          value: `${batchMemory.peakMiB.toFixed(0)} MiB (${batchMemory.rssMiB.toFixed(0)} MiB at its end)`,
        },
        {
          metric: 'daemon peak RSS (VmHWM) over all of the above',
          value: `${memory.peakMiB.toFixed(0)} MiB`,
          target: '< 300 MB',
          result: check(memory.peakMiB * 1.048576, 300),
        },
      ];
      return {
        rows,
        data: {
          actors: ACTORS,
          fileBytes,
          start: { wallMs: first.startMs, cpuMs: first.cpuMs },
          restart: { wallMs: restart.startMs, cpuMs: restart.cpuMs },
          gzip: { ...gzip, daemonCpuMs: gzipCpuMs, firstMs: firstGzip.p50 },
          raw,
          notModified,
          page,
          one,
          underBatch,
          saves,
          fanOut,
          memory,
          batchMemory,
        },
      };
    } finally {
      await daemon?.stop();
      await dir.remove();
    }
  },
};
export default section;
