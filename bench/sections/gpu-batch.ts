import { performance } from 'node:perf_hooks';
import { startImageHost } from '../../tests/peers/image-host.js';
import { startRunpodPeer } from '../../tests/peers/runpod-peer.js';
import { sampleActors } from '../../tests/support/sample-actors.js';
import { startTestDaemon } from '../../tests/support/start-test-daemon.js';
import type { BenchSection } from '../section.js';
import { cpuMs, photoPosters } from '../support/photos.js';
import { regenerateAll } from '../support/regenerate-all.js';

const JOBS = 64;
const WORKERS = 8;
const JOB_MS = 1500;
const BOUND_MS = (JOBS / WORKERS) * JOB_MS;

/**
 * 64 regenerations on a RunPod-protocol endpoint (the loopback peer) with 8 workers × 1.5 s per job,
 * through the whole daemon with its defaults (generate concurrency from /health, status polling from
 * the learnt job time); the result is a 512² real photo served by a loopback image host, so encoding
 * stays far below the GPU's pace. Bound: jobs ÷ workers × job time.
 */
const section: BenchSection = {
  name: 'gpu-batch',
  title: `GPU-bound batch: ${JOBS} jobs on a RunPod-protocol endpoint, ${WORKERS} workers × ${JOB_MS / 1000} s (bound ${BOUND_MS / 1000} s)`,
  async run() {
    const [photo] = await photoPosters(512);
    const images = await startImageHost({ '/poster.png': { contentType: 'image/png', body: photo!.png } });
    const peer = await startRunpodPeer({ apiKey: 'bench-key', endpointId: 'bench-endpoint' });
    peer.setScenario({ steps: [], timed: { workers: WORKERS, jobMs: JOB_MS, output: { image_url: images.url('/poster.png') } } });
    const actors = sampleActors(JOBS);
    const daemon = await startTestDaemon({
      actors,
      env: {
        GENERATOR: 'runpod',
        RUNPOD_API_KEY: 'bench-key',
        RUNPOD_ENDPOINT_ID: 'bench-endpoint',
        RUNPOD_BASE_URL: peer.baseUrl,
        RUNPOD_PRESIGN_LORA: 'false',
        DOWNLOAD_ALLOW_PRIVATE: '127.0.0.1',
      },
    });
    try {
      const [startedAt, start, cpuBefore] = [Date.now(), performance.now(), cpuMs()];
      await regenerateAll(daemon.url, actors);
      const wallMs = performance.now() - start;
      const cores = (cpuMs() - cpuBefore) / wallMs;
      const statusCalls = peer.calls.filter((call) => call.path.includes('/status/'));
      const ratio = wallMs / BOUND_MS;
      // The GPU's own view, which CPU contention on this machine does not blur: first submit to last job done, and how long a finished job waited to be noticed.
      const jobs = [...peer.jobs.values()];
      const makespanMs = Math.max(...jobs.map((job) => job.endsAt!)) - Math.min(...jobs.map((job) => job.submittedAt));
      const lags = jobs.map(
        (job) => Math.min(...statusCalls.filter((call) => call.path.endsWith(job.id) && call.at >= job.endsAt!).map((call) => call.at)) - job.endsAt!,
      );
      const meanLag = lags.reduce((sum, lag) => sum + lag, 0) / lags.length;
      // After the GPU's last job: noticing it, downloading, encoding and publishing what is left. Long only when the daemon lacks CPU.
      const tailMs = startedAt + wallMs - Math.max(...jobs.map((job) => job.endsAt!));
      return {
        rows: [
          {
            metric: 'batch wall time',
            value: `${(wallMs / 1000).toFixed(1)} s`,
            target: '≤ 1.15× bound',
            result: `${ratio.toFixed(2)}× ${ratio <= 1.15 ? '✓' : '✗'}`,
          },
          {
            metric: 'GPU makespan (peer: first submit → last job done)',
            value: `${(makespanMs / 1000).toFixed(1)} s`,
            target: '≤ 1.15× bound',
            result: `${(makespanMs / BOUND_MS).toFixed(2)}×`,
          },
          { metric: 'finished job noticed after (mean / max)', value: `${meanLag.toFixed(0)} / ${Math.max(...lags).toFixed(0)} ms` },
          { metric: "tail: the GPU's last job done → last answer", value: `${(tailMs / 1000).toFixed(1)} s` },
          { metric: 'CPU the bench process used (daemon, peers, client)', value: `${cores.toFixed(2)} cores on average` },
          { metric: 'RunPod calls', value: `${peer.jobs.size} /run, ${statusCalls.length} /status (${(statusCalls.length / JOBS).toFixed(1)} per job)` },
        ],
        data: {
          jobs: JOBS,
          workers: WORKERS,
          jobMs: JOB_MS,
          boundMs: BOUND_MS,
          wallMs,
          ratio,
          makespanMs,
          noticeLagMeanMs: meanLag,
          noticeLagMaxMs: Math.max(...lags),
          tailMs,
          coresUsed: cores,
          runCalls: peer.jobs.size,
          statusCalls: statusCalls.length,
        },
      };
    } finally {
      await daemon.dispose();
      await Promise.all([peer.close(), images.close()]);
    }
  },
};
export default section;
