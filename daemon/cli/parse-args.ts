import { parseArgs } from 'node:util';

export interface CliArgs {
  /** Actor ids or names; empty with `all`. */
  actors: string[];
  all: boolean;
  seed?: number;
}

export const USAGE = 'Usage: npm run regenerate -- <actorId|name> [more…] [--seed N]\n       npm run regenerate -- --all';

/** Parses the CLI's arguments; throws with a message naming what was expected and what came. */
export function parseCliArgs(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { all: { type: 'boolean', default: false }, seed: { type: 'string' } },
  });
  if (values.all === (positionals.length > 0)) throw new Error(`Expected an actor id or name, or --all (not both)\n${USAGE}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) {
    throw new Error(`Expected --seed to be an integer from 0 to 4294967295 but received ${JSON.stringify(values.seed)}`);
  }
  return { actors: positionals, all: values.all ?? false, seed };
}
