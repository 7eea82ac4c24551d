import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BUILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'daemon', 'build.mjs');

/** Builds the bundle `npm start` runs (`npm run build:daemon`), so a bench times the daemon as users start it. */
export async function buildDaemon(): Promise<void> {
  await promisify(execFile)(process.execPath, [BUILD]);
}
