import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmStartEnv } from './npm-start-env.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The TypeScript entry point, run through tsx (tests need no build). */
const MAIN = path.join(ROOT, 'daemon', 'main.ts');
/** The bundle `npm start` runs (built by `npm run build:daemon`; see daemon/build.mjs). */
const BUNDLE = path.join(ROOT, 'dist', 'daemon', 'main.mjs');

export interface ChildDaemonOptions {
  /** Run the built bundle exactly as `npm start` does (measurements), instead of the TypeScript source. Default false. */
  bundle?: boolean;
}

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

/** `npm start`'s daemon (daemon/main.ts) as a child process, with npm start's process settings and `env` added, resolved once it listens. */
export async function startChildDaemon(env: Record<string, string>, options: ChildDaemonOptions = {}): Promise<ChildDaemon> {
  const args = options.bundle ? ['--enable-source-maps', BUNDLE] : ['--import', 'tsx', MAIN];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...npmStartEnv(), PORT: '0', LOG_LEVEL: 'warn', ...env },
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
