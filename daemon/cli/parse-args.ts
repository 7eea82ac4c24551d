import { parseArgs } from 'node:util';

export interface CliArgs {
  /** Actor ids or names; empty with `all`. */
  actors: string[];
  all: boolean;
  seed?: number;
  help: boolean;
}

/** A mistake in the command line: reported with the usage, as `invalid_request`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: npm run -s regenerate -- <actorId|name> [more…] [--seed N]
       npm run -s regenerate -- --all
       npm run -s regenerate -- --help

Regenerates actors' poster frames. When a daemon serves the same DATA_DIR, the jobs run there (and show
in its UI); otherwise in this process. Progress goes to stderr, the JSON result to stdout (an array
with --all), so \`npm run -s regenerate -- --all > out.json\` writes exactly JSON (-s keeps npm's
banner out of stdout). Exit code 0 when every job succeeded, 1 otherwise.`;

const OPTIONS = { all: { type: 'boolean' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** Parses the CLI's arguments; throws a UsageError naming what was expected and what came. */
export function parseCliArgs(argv: string[]): CliArgs {
  // Not strict: Node's own messages (e.g. for `--seed -3`, "argument is ambiguous") would reach the user.
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: OPTIONS });
  const unknown = Object.keys(values).find((name) => !(name in OPTIONS));
  if (unknown) throw usage(`Expected --all, --seed N or --help but received ${unknown.length === 1 ? '-' : '--'}${unknown}`);
  if (values.help === true) return { actors: [], all: false, help: true };
  if (typeof values.all === 'string') throw usage(`Expected no value for --all but received ${JSON.stringify(values.all)}`);
  const all = values.all === true;
  if (all === positionals.length > 0) {
    throw usage(`Expected an actor id or name, or --all (not both) but received ${all ? `--all and ${positionals.join(' ')}` : 'neither'}`);
  }
  return { actors: positionals, all, seed: parseSeed(values.seed), help: false };
}

function parseSeed(raw: string | boolean | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const seed = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(seed < 2 ** 32)) {
    throw usage(`Expected a non-negative integer below 4294967296 for --seed but received ${raw === true ? 'no value' : JSON.stringify(raw)}`);
  }
  return seed;
}

const usage = (message: string) => new UsageError(`${message}\n${USAGE}`);
