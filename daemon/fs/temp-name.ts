import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fitStem } from './fit-name.js';

/**
 * The temp file an atomic write fills before renaming it over `path`: in the same folder (so the
 * rename is atomic), starting with '.' (so folder watchers ignore it), naming the writing process (so
 * a start-up sweep can tell a crashed writer's litter from a live one's), and short enough to be a
 * legal name whatever `path`'s own length.
 *
 * @example tempPathFor('data/actorsData.json') // 'data/.actorsData.json.4242.9f86d081884c.tmp'
 */
export function tempPathFor(path: string): string {
  const tail = `.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  return join(dirname(path), `.${fitStem(basename(path), Buffer.byteLength(tail) + 1)}${tail}`);
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** The pid of the process that named a temp file with tempPathFor, or undefined for any other name. */
export function tempFileOwner(name: string): number | undefined {
  const match = TEMP_NAME.exec(name);
  return match ? Number(match[1]) : undefined;
}
