import type { Actor } from '../../shared/api-types.js';
import { PipelineError, messageOf } from '../errors.js';

/**
 * Validates the text of an actorsData.json: a top-level array of objects, each with an `id` (string or
 * number) and a `name` (string), ids and names unique. Anything else throws `actors_file_corrupt`
 * naming `file`, so callers never write over a file they could not understand. No Node imports:
 * the edge Worker validates the same file.
 */
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
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  data.forEach((entry: unknown, index) => {
    const problem = actorProblem(entry) ?? duplicate(entry as Actor, index, ids, names);
    if (problem) throw corrupt(file, `entry ${index}: ${problem}`);
  });
  return data as Actor[];
}

function actorProblem(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return `expected an object but received ${describe(entry)}`;
  }
  const { id, name } = entry as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') return `expected a string or number for id but received ${describe(id)}`;
  if (typeof name !== 'string') return `expected a string for name but received ${describe(name)}`;
  return undefined;
}

/** Ids are compared as strings (1 and "1" are the same actor), as every lookup does. */
function duplicate(actor: Actor, index: number, ids: Map<string, number>, names: Map<string, number>): string | undefined {
  const id = String(actor.id);
  const sameId = ids.get(id);
  if (sameId !== undefined) return `expected a unique id but received ${JSON.stringify(id)} again (also entry ${sameId})`;
  const sameName = names.get(actor.name);
  if (sameName !== undefined) return `expected a unique name but received ${JSON.stringify(actor.name)} again (also entry ${sameName})`;
  ids.set(id, index);
  names.set(actor.name, index);
  return undefined;
}

function corrupt(file: string, reason: string): PipelineError {
  return new PipelineError('actors_file_corrupt', `${file} cannot be read: ${reason}. Fix or restore the file; it is left untouched until then.`);
}

const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);
