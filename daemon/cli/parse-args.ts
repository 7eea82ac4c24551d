import { parseArgs } from 'node:util';
import type { GenerationParams, JobMode } from '../../shared/api-types.js';
import { generationParamsSchema } from '../../shared/request-schema.js';
import { STYLE_IDS } from '../../shared/styles.js';

export interface CliArgs {
  /** Actor ids or names; empty with `all` or `failed`. */
  actors: string[];
  all: boolean;
  /** `--failed`: the actors whose latest job failed or was cancelled. */
  failed: boolean;
  /** What `--style`, `--seed`, `--steps` and `--guidance` asked for; the rest comes from the style's defaults. */
  params: GenerationParams;
  /** `preview` with `--preview`: the poster is generated as a version to accept or discard, not published. */
  mode: JobMode;
  help: boolean;
}

/** A mistake in the command line: reported with the usage, as `invalid_request`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: npm run -s regenerate -- <actorId|name> [more…] [--style ID] [--seed N] [--steps N] [--guidance X] [--preview]
       npm run -s regenerate -- --all [same options]
       npm run -s regenerate -- --failed [same options]   (the actors whose latest job failed or was cancelled)
       npm run -s regenerate -- --help

Regenerates actors' poster frames. When a daemon serves the same DATA_DIR, the jobs run there (and show
in its UI); otherwise in this process. Progress goes to stderr (one overall bar for several actors), the JSON result to stdout (an array
with several actors, --all or --failed), so \`npm run -s regenerate -- --all > out.json\` writes exactly JSON (-s keeps npm's
banner out of stdout). Exit code 0 when every job succeeded, 1 otherwise.

  --style ID     ${STYLE_IDS.join(', ')} (default ${STYLE_IDS[0]})
  --seed N       0-4294967295; without it each poster gets a random seed (recorded on the job)
  --steps N      sampling steps, 1-150 (default: the style's)
  --guidance X   guidance scale, 0-30 (default: the style's)
  --preview      generate a version to compare, accept or discard instead of publishing it`;

const PARAM_FLAGS = ['style', 'seed', 'steps', 'guidance'] as const;
const OPTIONS = {
  all: { type: 'boolean' },
  failed: { type: 'boolean' },
  preview: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries(PARAM_FLAGS.map((flag) => [flag, { type: 'string' }])),
} as const;

/** Parses the CLI's arguments; throws a UsageError naming what was expected and what came. */
export function parseCliArgs(argv: string[]): CliArgs {
  // Not strict: Node's own messages (e.g. for `--seed -3`, "argument is ambiguous") would reach the user.
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: OPTIONS });
  const unknown = Object.keys(values).find((name) => !(name in OPTIONS));
  if (unknown) throw usage(`Expected one of the options below but received ${unknown.length === 1 ? '-' : '--'}${unknown}`);
  if (values.help === true) return { actors: [], all: false, failed: false, params: {}, mode: 'publish', help: true };
  for (const flag of ['all', 'failed', 'preview'] as const) {
    if (typeof values[flag] === 'string') throw usage(`Expected no value for --${flag} but received ${JSON.stringify(values[flag])}`);
  }
  const all = values.all === true;
  const failed = values.failed === true;
  const chosen = [...(positionals.length ? [positionals.join(' ')] : []), ...(all ? ['--all'] : []), ...(failed ? ['--failed'] : [])];
  if (chosen.length !== 1) {
    throw usage(`Expected actor ids or names, --all or --failed (one of them) but received ${chosen.length ? chosen.join(' and ') : 'none'}`);
  }
  const params: GenerationParams = {};
  for (const flag of PARAM_FLAGS) {
    const value = parseParam(flag, values[flag]);
    if (value !== undefined) Object.assign(params, { [flag]: value });
  }
  return { actors: positionals, all, failed, params, mode: values.preview === true ? 'preview' : 'publish', help: false };
}

/** Checked by the request schema's own rule for the field, so the CLI accepts exactly what the API does. */
function parseParam(flag: (typeof PARAM_FLAGS)[number], raw: string | boolean | undefined): string | number | undefined {
  if (raw === undefined) return undefined;
  const value = flag === 'style' || typeof raw !== 'string' || raw.trim() === '' ? raw : Number(raw);
  const parsed = generationParamsSchema.shape[flag].safeParse(value);
  if (parsed.success && parsed.data !== undefined) return parsed.data;
  const expected = parsed.error?.issues[0]?.message ?? 'a value';
  throw usage(`Expected ${expected} for --${flag} but received ${raw === true ? 'no value' : JSON.stringify(raw)}`);
}

const usage = (message: string) => new UsageError(`${message}\n${USAGE}`);
