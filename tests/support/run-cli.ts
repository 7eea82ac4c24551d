import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'daemon/cli/regenerate.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  pid: number;
  /** Resolves once stderr contains `text` (progress lines go there). */
  stderrIncludes(text: string): Promise<void>;
  exited: Promise<CliResult>;
  kill(signal?: NodeJS.Signals): void;
}

/**
 * Starts `npm run regenerate -- …` as a user would: the same script, in its own process, with only
 * PATH, HOME and `env` in its environment. Node loads tsx in-process (the tsx binary would run the
 * script in a child, and `pid` and `kill` must reach the CLI itself). `command` replaces that (e.g. with npm).
 */
export function startCli(args: string[], env: Record<string, string>, command: string[] = [process.execPath, '--import', 'tsx', CLI]): RunningCli {
  const child = spawn(command[0]!, [...command.slice(1), ...args], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
  let stdout = '';
  let stderr = '';
  const watchers: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const watcher of watchers.filter((w) => stderr.includes(w.text))) watcher.resolve();
  });
  const exited = new Promise<CliResult>((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  return {
    pid: child.pid!,
    stderrIncludes: (text) =>
      new Promise<void>((resolve, reject) => {
        if (stderr.includes(text)) return resolve();
        watchers.push({ text, resolve });
        void exited.then(() => reject(new Error(`The CLI exited before printing ${JSON.stringify(text)} to stderr:\n${stderr}`)));
      }),
    exited,
    kill: (signal = 'SIGKILL') => child.kill(signal),
  };
}

export const runCli = (args: string[], env: Record<string, string>, command?: string[]): Promise<CliResult> => startCli(args, env, command).exited;
