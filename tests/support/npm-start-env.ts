import { readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE = path.join(import.meta.dirname, '..', '..', 'package.json');
/** `NAME=${NAME:-default}` in front of a script's command. */
const DEFAULTED = /\b([A-Z][A-Z0-9_]*)=\$\{\1:-([^}]*)\}/g;

/** The `NAME=${NAME:-default}` settings in front of package.json's `script`, as name → default. */
export function scriptDefaults(script: string): Record<string, string> {
  const scripts = (JSON.parse(readFileSync(PACKAGE, 'utf8')) as { scripts: Record<string, string> }).scripts;
  const command = scripts[script];
  if (command === undefined) throw new Error(`Expected a "${script}" script in package.json but received none`);
  return Object.fromEntries([...command.matchAll(DEFAULTED)].map(([, name, value]) => [name!, value!]));
}

/**
 * The process settings `npm start` gives the daemon (libuv's threadpool, glibc's malloc: read before
 * any of our code runs, so they cannot come from config), with the environment's own value where it
 * has one, as the shell's `${NAME:-default}` does: a child daemon then runs as `npm start`'s does.
 */
export function npmStartEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(scriptDefaults('start')).map(([name, value]) => [name, env[name] || value]));
}
