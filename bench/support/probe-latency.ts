import { performance } from 'node:perf_hooks';

/**
 * Run as a second process by the bench: requests `<url>/healthz` and `<url>/api/actors/<id>` one after
 * the other, every 25 ms, until its stdin closes; then prints {healthz: ms[], actor: ms[]} as JSON.
 * Prints "ready" once both answered, so the parent starts its batch only when probing runs.
 */
const [url, actorId] = process.argv.slice(2);
const samples = { healthz: [] as number[], actor: [] as number[] };
let stop = false;
process.stdin.on('end', () => (stop = true)).resume();

async function timed(path: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${url}${path}`);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return performance.now() - start;
}

let announced = false;
while (!stop) {
  samples.healthz.push(await timed('/healthz'));
  samples.actor.push(await timed(`/api/actors/${actorId}`));
  if (!announced) {
    announced = true;
    process.stdout.write('ready\n');
  }
  await new Promise((resolve) => setTimeout(resolve, 25));
}
process.stdout.write(`${JSON.stringify(samples)}\n`);
