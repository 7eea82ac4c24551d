import { performance } from 'node:perf_hooks';
import { sampleActors } from '../../tests/support/sample-actors.js';
import { startTestDaemon } from '../../tests/support/start-test-daemon.js';
import type { BenchSection } from '../section.js';
import { quantile } from '../stats.js';
import { instantGenerator } from '../support/instant-generator.js';
import { startLatencyProbe } from '../support/latency-probe.js';
import { cpuMs, photoPosters } from '../support/photos.js';
import { runPillow } from '../support/pillow.js';
import { plainPosterCpuMs } from '../support/plain-encode.js';
import { regenerateAll } from '../support/regenerate-all.js';
import { mainThreadCpuMs } from '../support/thread-cpu.js';

const JOBS = 60;
/** Posters regenerated before the measured batch. */
const WARM_UP = 3;
const CORES = 2;

const p = (samples: number[], q: number) => `${quantile(samples, q).toFixed(0)}`;

/**
 * 60 regenerations whose generation is instant (the 3 real photos, 1024² PNG), through the whole
 * daemon (local storage), against the in-run limit: the plain sharp path's CPU per poster × 60 ÷ 2
 * cores. Meanwhile a second process measures /healthz and GET /api/actors/:id latency.
 */
const section: BenchSection = {
  name: 'cpu-batch',
  title: `CPU-bound batch: ${JOBS} instant generations of real photos through the daemon (limit = plain sharp CPU × ${JOBS} ÷ ${CORES} cores, same run)`,
  async run() {
    const inputs = (await photoPosters()).map((photo) => photo.png);
    const plainCpu = await plainPosterCpuMs(inputs, 2);
    const limitMs = (plainCpu * JOBS) / CORES;
    const everyone = sampleActors(JOBS + WARM_UP);
    const actors = everyone.slice(0, JOBS);
    const daemon = await startTestDaemon({ actors: everyone, overrides: { generator: instantGenerator(inputs) } });
    try {
      // The plain path is measured warm (one run per input first); so is the daemon: JIT compilation and lazy imports are start-up costs, not per-poster ones.
      await regenerateAll(daemon.url, everyone.slice(JOBS));
      const probe = await startLatencyProbe(daemon.url, String(actors[0]!.id));
      const cpuBefore = cpuMs();
      const mainBefore = mainThreadCpuMs();
      const start = performance.now();
      await regenerateAll(daemon.url, actors);
      const wallMs = performance.now() - start;
      const daemonCpu = (cpuMs() - cpuBefore) / JOBS;
      const mainCpu = (mainThreadCpuMs() - mainBefore) / JOBS;
      const latency = await probe.stop();
      const pillow = await runPillow(inputs, 1);
      const pillowCpu = 'missing' in pillow ? undefined : pillow.images.reduce((sum, image) => sum + image.cpuMs[0]!, 0) / pillow.images.length;
      const share = limitMs / wallMs;
      return {
        rows: [
          {
            metric: `batch wall time (limit ${(limitMs / 1000).toFixed(1)} s)`,
            value: `${(wallMs / 1000).toFixed(1)} s`,
            target: '≥ 90% of the limit',
            result: `${(share * 100).toFixed(0)}% ${share >= 0.9 ? '✓' : '✗'}`,
          },
          {
            metric: 'CPU per poster: daemon / plain sharp path',
            value: `${daemonCpu.toFixed(0)} / ${plainCpu.toFixed(0)} ms`,
            result: `${(daemonCpu / plainCpu).toFixed(2)}× (pipeline overhead)`,
          },
          {
            // Includes serving the probe's requests and the bench's own HTTP client: they share the process.
            metric: "of the daemon's CPU per poster: main thread (JavaScript, callbacks, SQLite)",
            value: `${mainCpu.toFixed(0)} ms`,
          },
          ...(pillowCpu === undefined
            ? []
            : [
                {
                  metric: "vs the seed's Pillow conversion (its CPU × 60 ÷ 2)",
                  value: `${((pillowCpu * JOBS) / CORES / 1000).toFixed(1)} s`,
                  result: `batch takes ${(wallMs / ((pillowCpu * JOBS) / CORES)).toFixed(2)}× Pillow's bound`,
                },
              ]),
          {
            metric: '/healthz during the batch (2nd process)',
            value: `p50 ${p(latency.healthz, 0.5)} / p99 ${p(latency.healthz, 0.99)} ms (n=${latency.healthz.length})`,
          },
          {
            metric: 'GET /api/actors/:id during the batch',
            value: `p50 ${p(latency.actor, 0.5)} / p99 ${p(latency.actor, 0.99)} ms (n=${latency.actor.length})`,
          },
        ],
        data: {
          jobs: JOBS,
          wallMs,
          limitMs,
          shareOfLimit: share,
          plainCpuMs: plainCpu,
          daemonCpuMsPerPoster: daemonCpu,
          mainThreadCpuMsPerPoster: mainCpu,
          pillowCpuMs: pillowCpu,
          latency: {
            healthzP50: quantile(latency.healthz, 0.5),
            healthzP99: quantile(latency.healthz, 0.99),
            actorP50: quantile(latency.actor, 0.5),
            actorP99: quantile(latency.actor, 0.99),
          },
        },
      };
    } finally {
      await daemon.dispose();
    }
  },
};
export default section;
