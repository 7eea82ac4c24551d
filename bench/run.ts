import { formatTable } from './format-table.js';
import type { BenchSection, BenchSectionResult } from './section.js';

/**
 * `npm run bench [-- --json] [-- name …] [-- --only name,name]`: runs each section in turn (one at a time, so they
 * do not compete for the CPU) and prints one table, or with `--json` one object keyed by section name.
 * Numbers depend on the machine and its load: compare runs on a quiet machine, not absolutes.
 *
 * A section is a module whose default export is a BenchSection; add yours with one line below.
 */
const SECTIONS: (() => Promise<{ default: BenchSection }>)[] = [
  () => import('./sections/encode-vs-pillow.js'),
  () => import('./sections/webp-effort.js'),
  () => import('./sections/gpu-batch.js'),
  () => import('./sections/cpu-batch.js'),
  () => import('./sections/memory.js'),
  () => import('./sections/ui-scale.js'),
  () => import('./sections/library-scale.js'),
  () => import('./sections/list-change.js'),
];

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyAt = args.indexOf('--only');
// `npm run bench -- library-scale` and `npm run bench -- --only library-scale,memory` both pick sections.
const named = [
  ...(onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : []),
  ...args.filter((arg, i) => !arg.startsWith('--') && (onlyAt < 0 || i !== onlyAt + 1)),
];
const only = named.length > 0 ? new Set(named) : undefined;

const results: { section: BenchSection; result: BenchSectionResult }[] = [];
for (const load of SECTIONS) {
  const section = (await load()).default;
  if (only && !only.has(section.name)) continue;
  if (!json) process.stderr.write(`bench: ${section.title}…\n`);
  // One failing section (a missing tool, a port in use) must not cost the others' numbers.
  const result = await section
    .run()
    .catch((error: unknown) => ({ rows: [], data: { error: String(error) }, notice: `failed: ${String(error).split('\n')[0]}` }));
  results.push({ section, result });
}

const unknown = [...(only ?? [])].filter((name) => !results.some(({ section }) => section.name === name));
if (unknown.length > 0) process.stderr.write(`bench: no section named ${unknown.join(', ')}\n`);

if (json) {
  const object = Object.fromEntries(
    results.map(({ section, result }) => [section.name, { ...result.data, ...(result.notice ? { notice: result.notice } : {}) }]),
  );
  process.stdout.write(`${JSON.stringify(object, null, 2)}\n`);
} else {
  process.stdout.write(`${formatTable(results)}\n`);
}
