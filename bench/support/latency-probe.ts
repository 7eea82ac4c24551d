import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'probe-latency.ts');

export interface LatencySamples {
  healthz: number[];
  actor: number[];
}

/** Starts probe-latency.ts in a second process against `url`; resolves once it is probing. `stop()` gives its samples. */
export async function startLatencyProbe(url: string, actorId: string): Promise<{ stop(): Promise<LatencySamples> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, url, actorId], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (output.startsWith('ready\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the latency probe exited with ${code} before it was ready`)));
  });
  return {
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exited;
      return JSON.parse(output.slice('ready\n'.length)) as LatencySamples;
    },
  };
}
