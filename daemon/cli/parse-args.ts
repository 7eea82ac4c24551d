import { parseArgs } from 'node:util';

export interface CliArgs {
  /** Actor ids or names; empty with `all`. */
  actors: string[];
  all: boolean;
  seed?: number;
}

/** A mistake in the command line: reported with the usage, as `invalid_request`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = 'Usage: npm run regenerate -- <actorId|name> [more…] [--seed N]\n       npm run regenerate -- --all';

/** Parses the CLI's arguments; throws with a message naming what was expected and what came. */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { all: { type: 'boolean', default: false }, seed: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.all === (positionals.length > 0)) throw new UsageError(`Expected an actor id or name, or --all (not both)\n${USAGE}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) {
    throw new UsageError(`Expected --seed to be an integer from 0 to 4294967295 but received ${JSON.stringify(values.seed)}`);
  }
  return { actors: positionals, all: values.all ?? false, seed };
}
