import { performance } from 'node:perf_hooks';
import { createBuiltinGenerator } from '../daemon/pipeline/1-generate/builtin-generator.js';
import { encodePosterSizes } from '../daemon/pipeline/3-encode/encode-poster.js';
import { requestFor, sampleActors } from '../tests/support/sample-actors.js';
import { startTestDaemon } from '../tests/support/start-test-daemon.js';

/**
 * `npm run bench`: how long the encode stage takes for one 1024×1024 poster, and how many posters the
 * whole daemon (built-in generator, local storage) publishes per second with N concurrent requests.
 * Numbers depend on the machine and its load: run it on a quiet machine and compare runs, not absolutes.
 */

const ENCODE_RUNS = Number(process.env.BENCH_ENCODE_RUNS ?? 10);
const DAEMON_ACTORS = Number(process.env.BENCH_ACTORS ?? 24);

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, min ${sorted[0]!.toFixed(0)} ms (n=${samples.length})`;
}

async function benchEncode(): Promise<void> {
  const generated = await createBuiltinGenerator().generate({
    actor: { id: '1', name: 'bench', description: 'benchmark poster', loraModelUrl: 's3://b/x' },
    params: { seed: 1 },
    width: 1024,
    height: 1024,
    signal: new AbortController().signal,
    onProgress: () => {},
  });
  if (generated.kind !== 'bytes') throw new Error('the built-in generator returns bytes');
  const samples: number[] = [];
  for (let i = 0; i < ENCODE_RUNS; i++) {
    const start = performance.now();
    await encodePosterSizes(generated.bytes, { maxInputPixels: 1 << 26 });
    samples.push(performance.now() - start);
  }
  console.log(`encode 1024² PNG → WebP sm/md/lg (q85, effort 6): ${summary(samples)}`);
}

async function benchDaemon(): Promise<void> {
  const actors = sampleActors(DAEMON_ACTORS);
  const daemon = await startTestDaemon({ actors });
  try {
    const start = performance.now();
    const latencies = await Promise.all(
      actors.map(async (actor) => {
        const begin = performance.now();
        const response = await fetch(`${daemon.url}/api/actors/${actor.id}/regenerate-poster-frame`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(requestFor(actor)),
        });
        if (response.status !== 200) throw new Error(`regenerate answered ${response.status}: ${await response.text()}`);
        return performance.now() - begin;
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    console.log(`daemon, ${DAEMON_ACTORS} concurrent regenerations (builtin + local): ${(DAEMON_ACTORS / seconds).toFixed(2)} posters/s; request latency ${summary(latencies)}`);
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    await daemon.dispose();
  }
}

await benchEncode();
await benchDaemon();
