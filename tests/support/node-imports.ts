import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILTIN = new RegExp(`^(?:node:.*|${builtinModules.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})(?:/.*)?$`);

/**
 * Walks the import graph of `source` (module text, resolved from the repository root) the way a bundler
 * for workerd does, and lists every import of a Node built-in as `importer → module`. A Node-only
 * package (pino, sharp, chokidar…) shows up through the built-ins it imports.
 *
 * @example await nodeImportsOf("export * from './daemon/app/create-app.ts'") // [] when the app is portable
 */
export async function nodeImportsOf(source: string): Promise<string[]> {
  const found: string[] = [];
  await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'browser'],
    logLevel: 'silent',
    plugins: [
      {
        name: 'report-node-builtins',
        setup(bundler) {
          bundler.onResolve({ filter: BUILTIN }, (args) => {
            found.push(`${args.importer.replace(ROOT, '')} → ${args.path}`);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return found;
}
