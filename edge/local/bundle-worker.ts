import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('../worker/index.ts', import.meta.url));

/**
 * Bundles the Worker as wrangler would for workerd: one ES module, no Node built-ins (none are
 * available without nodejs_compat, and the Worker needs none).
 * @returns the module's source text
 */
export async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'browser'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
