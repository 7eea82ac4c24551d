// Builds the daemon into dist/daemon/main.mjs: our TypeScript as one ES module (packages stay in
// node_modules), so `npm start` does not compile TypeScript on every start as tsx does (about 1.5 s
// of CPU at each start, on a loader thread the main thread waits for). Run by `npm run build:daemon`
// (and so by `npm start`); tests and the CLI keep running the TypeScript source through tsx.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * In a bundle every module's `import.meta.url` is the bundle's; files found relative to their module
 * (web/dist, the RunPod input template) must resolve as from the source, so each module's own URL is
 * written in. The bundle therefore runs from this checkout only, which is where `npm start` builds it.
 */
const sourceMetaUrl = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

const result = await build({
  entryPoints: [path.join(root, 'daemon/main.ts')],
  outdir: path.join(root, 'dist/daemon'),
  outExtension: { '.js': '.mjs' },
  // What the daemon imports only when configured (the S3 and RunPod clients) stays in chunks of its
  // own, so their packages load only then.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // Stack traces name the TypeScript files and lines (`npm start` runs node with --enable-source-maps).
  sourcemap: true,
  sourcesContent: false,
  plugins: [sourceMetaUrl],
  logLevel: 'warning',
  write: false,
});
// Written beside and renamed over, so a daemon starting meanwhile (a bench, a second `npm start`) never loads half a bundle.
await Promise.all(
  result.outputFiles.map(async (out) => {
    await mkdir(path.dirname(out.path), { recursive: true });
    const temp = `${out.path}.${process.pid}.tmp`;
    await writeFile(temp, out.contents);
    await rename(temp, out.path);
  }),
);
// Chunks of an older build go: a daemon imports its chunks while starting, and unchanged code keeps its chunk names.
const chunks = path.join(root, 'dist/daemon/chunks');
const current = new Set(result.outputFiles.map((out) => out.path));
for (const name of await readdir(chunks).catch(() => [])) {
  if (!current.has(path.join(chunks, name)) && !name.endsWith('.tmp')) await rm(path.join(chunks, name), { force: true });
}
