import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'daemon', 'main.ts');

export interface ChildDaemon {
  url: string;
  pid: number;
  /** Resident and peak resident memory of the daemon process, from /proc (MiB). */
  memory(): Promise<{ rssMiB: number; peakMiB: number }>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
  /** kill -9: no shutdown at all, as a crash or the OOM killer. */
  kill(): Promise<void>;
}

/** `npm start`'s daemon (daemon/main.ts) as a child process with `env` added, resolved once it listens. */
export async function startChildDaemon(env: Record<string, string>): Promise<ChildDaemon> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /running at (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the daemon exited with ${code} before listening:\n${stderr}`)));
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(name);
    await exited;
  };
  const field = (status: string, name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
  return {
    url,
    pid: child.pid!,
    async memory() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return { rssMiB: field(status, 'VmRSS'), peakMiB: field(status, 'VmHWM') };
    },
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}
