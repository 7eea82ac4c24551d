import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startImageHost } from '../../tests/peers/image-host.js';
import { startRunpodPeer } from '../../tests/peers/runpod-peer.js';
import { sampleActors, writeActorsFile } from '../../tests/support/sample-actors.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import type { BenchSection } from '../section.js';
import { buildDaemon } from '../../tests/support/build-daemon.js';
import { startChildDaemon } from '../../tests/support/child-daemon.js';
import { photoPosters } from '../support/photos.js';
import { regenerateAll } from '../support/regenerate-all.js';

/** Cumulative poster counts at which peak RSS is read. */
const COUNTS = [50, 200, 1000];
/** Idle RSS is read this long after the last job: soon, and after V8's memory reducer has collected (30–40 s into idling in trials). */
const IDLE_AFTER_MS = [10_000, 60_000];

/**
 * The daemon's memory (its own process: `npm start`'s bundle and process settings) as it publishes 50, then 200, then
 * 1,000 posters: instant RunPod-protocol jobs (the loopback peer, no GPU time) whose result is a 512²
 * real photo, so the run measures the pipeline's memory, not generation time. Peak = VmHWM.
 */
const section: BenchSection = {
  name: 'memory',
  title: `Memory: daemon process RSS over ${COUNTS.join(' → ')} posters (instant jobs, 512² photo results)`,
  async run() {
    const [photo] = await photoPosters(512);
    const images = await startImageHost({ '/poster.png': { contentType: 'image/png', body: photo!.png } });
    const peer = await startRunpodPeer({ apiKey: 'bench-key', endpointId: 'bench-endpoint' });
    peer.setScenario({ steps: [], timed: { workers: 64, jobMs: 1, output: { image_url: images.url('/poster.png') } } });
    const dir = await tempDir();
    const actors = sampleActors(COUNTS.at(-1)!);
    const dataDir = path.join(dir.path, 'data');
    await mkdir(dataDir, { recursive: true });
    await Promise.all([writeActorsFile(dataDir, actors), buildDaemon()]);
    const daemon = await startChildDaemon(
      {
        DATA_DIR: dataDir,
        REQUESTS_DIR: path.join(dir.path, 'requests'),
        GENERATOR: 'runpod',
        RUNPOD_API_KEY: 'bench-key',
        RUNPOD_ENDPOINT_ID: 'bench-endpoint',
        RUNPOD_BASE_URL: peer.baseUrl,
        RUNPOD_POLL_INTERVAL_MS: '20',
        RUNPOD_PRESIGN_LORA: 'false',
        DOWNLOAD_ALLOW_PRIVATE: '127.0.0.1',
      },
      { bundle: true },
    );
    try {
      const baseline = await daemon.memory();
      const peaks: { posters: number; peakMiB: number }[] = [];
      let done = 0;
      for (const count of COUNTS) {
        await regenerateAll(daemon.url, actors.slice(done, count));
        done = count;
        peaks.push({ posters: count, peakMiB: (await daemon.memory()).peakMiB });
      }
      const idle: { afterMs: number; rssMiB: number }[] = [];
      for (const afterMs of IDLE_AFTER_MS) {
        await sleep(afterMs - (idle.at(-1)?.afterMs ?? 0));
        idle.push({ afterMs, rssMiB: (await daemon.memory()).rssMiB });
      }
      const growth = peaks.at(-1)!.peakMiB / peaks[0]!.peakMiB;
      return {
        rows: [
          { metric: 'RSS after start (baseline)', value: `${baseline.rssMiB.toFixed(0)} MiB` },
          ...peaks.map((peak) => ({
            metric: `peak RSS after ${peak.posters} posters`,
            value: `${peak.peakMiB.toFixed(0)} MiB`,
            target: '< 300 MiB',
            result: peak.peakMiB < 300 ? '✓' : '✗',
          })),
          { metric: `peak growth ${COUNTS[0]} → ${COUNTS.at(-1)}`, value: `${growth.toFixed(2)}×`, target: '≤ 1.20×', result: growth <= 1.2 ? '✓' : '✗' },
          ...idle.map(({ afterMs, rssMiB }) => ({
            metric: `RSS ${afterMs / 1000} s after the last job`,
            value: `${rssMiB.toFixed(0)} MiB`,
            target: 'near baseline',
            result: `${(rssMiB / baseline.rssMiB).toFixed(2)}× baseline`,
          })),
        ],
        data: { baselineMiB: baseline.rssMiB, peaks, idle, growth },
      };
    } finally {
      await daemon.stop();
      await Promise.all([peer.close(), images.close(), dir.remove()]);
    }
  },
};
export default section;
