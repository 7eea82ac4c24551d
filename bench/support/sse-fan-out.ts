import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { withDeadline } from './deadline.js';

export interface FanOut {
  /** Clients that received the event. */
  received: number;
  /** First to last client receiving it (ms): the daemon's fan-out. */
  spreadMs: number;
  /** From the trigger to the last client receiving it (ms). */
  afterTriggerMs: number;
}

/**
 * Opens `count` SSE streams to `<url>/api/events`, each counted as open once its first frame (`retry:`)
 * arrived (the daemon subscribes it before that frame leaves), runs `trigger`, and times the first
 * `event: <type>` frame to reach every client. Gives up after `waitMs`, reporting who got it.
 */
export async function sseFanOut(url: string, count: number, type: string, trigger: () => Promise<void>, waitMs = 15_000): Promise<FanOut> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const requests: http.ClientRequest[] = [];
  const arrivals: number[] = [];
  let armed = false;
  let everyone!: () => void;
  const all = new Promise<void>((resolve) => (everyone = resolve));
  const open = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const request = http.get(`${url}/api/events`, { agent }, (response) => {
        if (response.statusCode !== 200) return reject(new Error(`GET /api/events answered ${response.statusCode}`));
        let seen = false;
        response.setEncoding('utf8').on('data', (chunk: string) => {
          resolve();
          if (!armed || seen || !chunk.includes(`event: ${type}\n`)) return;
          seen = true;
          if (arrivals.push(performance.now()) === count) everyone();
        });
      });
      request.once('error', reject);
      requests.push(request);
    });
  try {
    await withDeadline(`opening ${count} SSE streams`, waitMs, Promise.all(Array.from({ length: count }, open)));
    armed = true;
    const start = performance.now();
    await trigger();
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, waitMs))]);
    const last = Math.max(...arrivals);
    return { received: arrivals.length, spreadMs: last - Math.min(...arrivals), afterTriggerMs: last - start };
  } finally {
    for (const request of requests) request.destroy();
    agent.destroy();
  }
}
