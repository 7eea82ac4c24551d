import { performance } from 'node:perf_hooks';
import { requestFor, sampleActors } from '../../tests/support/sample-actors.js';
import { startTestDaemon } from '../../tests/support/start-test-daemon.js';
import type { BenchSection } from '../section.js';
import { quantile, summary } from '../stats.js';

const ACTORS = 24;

/** Posters per second the whole daemon (built-in generator, local storage) publishes with N concurrent requests. */
const section: BenchSection = {
  name: 'daemon-throughput',
  title: `Daemon, ${ACTORS} concurrent regenerations (built-in generator, local storage)`,
  async run() {
    const actors = sampleActors(ACTORS);
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
      const postersPerSecond = ACTORS / ((performance.now() - start) / 1000);
      return {
        rows: [
          { metric: 'throughput', value: `${postersPerSecond.toFixed(2)} posters/s` },
          { metric: 'request latency', value: summary(latencies) },
        ],
        data: { postersPerSecond, latencyP50Ms: quantile(latencies, 0.5), latencyP90Ms: quantile(latencies, 0.9) },
      };
    } finally {
      await daemon.dispose();
    }
  },
};
export default section;
