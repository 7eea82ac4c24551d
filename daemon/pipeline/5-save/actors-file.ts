import { readFile, stat } from 'node:fs/promises';
import type { Actor } from '../../../shared/api-types.js';
import { PipelineError, messageOf } from '../../errors.js';
import { unlessMissing } from '../../fs/atomic-write.js';

/** The parsed file plus a key that changes whenever the file is replaced or edited (undefined: no file). */
export interface ActorsSnapshot {
  actors: Actor[];
  version: string | undefined;
}

/**
 * Reads and validates actorsData.json. A missing file reads as no actors (a fresh data directory);
 * anything unparsable throws `actors_file_corrupt`, so callers never write over a file they could
 * not understand.
 */
export async function readActorsFile(file: string): Promise<ActorsSnapshot> {
  const version = await versionOf(file);
  const text = version === undefined ? undefined : await unlessMissing(readFile(file, 'utf8'));
  if (text === undefined) return { actors: [], version: undefined };
  return { actors: parseActors(file, text), version };
}

/**
 * A cheap identity of the file's current content: the inode changes with each atomic replace,
 * mtime and size with in-place edits.
 */
export async function versionOf(file: string): Promise<string | undefined> {
  const stats = await unlessMissing(stat(file));
  return stats && `${stats.ino}:${stats.mtimeMs}:${stats.size}`;
}

export function parseActors(file: string, text: string): Actor[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, `it is not valid JSON (${messageOf(error)})`);
  }
  if (!Array.isArray(data)) {
    throw corrupt(file, `expected a top-level array of actors but received ${describe(data)}`);
  }
  data.forEach((entry: unknown, index) => {
    const problem = actorProblem(entry);
    if (problem) throw corrupt(file, `entry ${index}: ${problem}`);
  });
  return data as Actor[];
}

/** 2-space JSON with a trailing newline, the layout people keep the file in. */
export const serializeActors = (actors: Actor[]): string => `${JSON.stringify(actors, null, 2)}\n`;

function actorProblem(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return `expected an object but received ${describe(entry)}`;
  }
  const { id, name } = entry as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') return `expected a string or number for id but received ${describe(id)}`;
  if (typeof name !== 'string') return `expected a string for name but received ${describe(name)}`;
  return undefined;
}

function corrupt(file: string, reason: string): PipelineError {
  return new PipelineError(
    'actors_file_corrupt',
    `${file} cannot be read: ${reason}. Fix or restore the file; it is left untouched until then.`,
  );
}

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
