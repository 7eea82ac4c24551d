import { encodePosterSizes } from '../daemon/pipeline/3-encode/encode-poster.js';
import { sampleActors } from '../tests/support/sample-actors.js';
import { startTestDaemon } from '../tests/support/start-test-daemon.js';
import { instantGenerator } from './support/instant-generator.js';
import { cpuMs, photoPosters } from './support/photos.js';
import { regenerateAll } from './support/regenerate-all.js';
import { mainThreadCpuMs } from './support/thread-cpu.js';

/**
 * The cpu-batch workload for a profiler, without the bench's latency probe or Pillow run:
 *
 *   UV_THREADPOOL_SIZE=16 perf record -F 400 -e cpu-clock -g -o daemon.data -- \
 *     node --perf-basic-prof --import tsx bench/profile-cpu-batch.ts daemon 60
 *   perf report -i daemon.data --time <window> --no-children --sort dso,sym
 *
 * `daemon`: that many instant photo posters through an in-process daemon (warmed up by 6 others first);
 * `plain`: the plain encode path at the daemon's encode concurrency (2). Prints the batch's time
 * window in CLOCK_MONOTONIC seconds (perf's clock, for `perf report --time`) and its CPU per poster.
 */
const [mode = 'daemon', count = '60'] = process.argv.slice(2);
const JOBS = Number(count);
const inputs = (await photoPosters()).map((photo) => photo.png);
for (const png of inputs) await encodePosterSizes(png, { maxInputPixels: 1 << 26 });

async function measured(batch: () => Promise<void>): Promise<void> {
  const [cpu, main, started, wall] = [cpuMs(), mainThreadCpuMs(), process.hrtime.bigint(), performance.now()];
  await batch();
  const perPoster = (ms: number) => Math.round(ms / JOBS);
  const seconds = (ns: bigint) => (Number(ns) / 1e9).toFixed(6);
  console.log(`window ${seconds(started)},${seconds(process.hrtime.bigint())}`);
  console.log(
    JSON.stringify({
      mode,
      jobs: JOBS,
      wallMs: Math.round(performance.now() - wall),
      cpuMsPerPoster: perPoster(cpuMs() - cpu),
      mainThreadMsPerPoster: perPoster(mainThreadCpuMs() - main),
    }),
  );
}

if (mode === 'plain') {
  let next = 0;
  const worker = async () => {
    while (next < JOBS) await encodePosterSizes(inputs[next++ % inputs.length]!, { maxInputPixels: 1 << 26 });
  };
  await measured(() => Promise.all([worker(), worker()]).then(() => {}));
} else {
  const actors = sampleActors(JOBS + 6);
  const daemon = await startTestDaemon({ actors, overrides: { generator: instantGenerator(inputs) } });
  try {
    await regenerateAll(daemon.url, actors.slice(JOBS));
    await measured(() => regenerateAll(daemon.url, actors.slice(0, JOBS)));
  } finally {
    await daemon.dispose();
  }
}
