// Builds the web UI into web/dist: one minified ES module (Lit included) plus the static files.
// Nothing is fetched at run time. Run by `npm run build:web` (and so by `npm start` and `npm test`).
import { build } from 'esbuild';
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(web, 'dist');
const STATIC_FILES = ['index.html', 'styles.css'];

// Every file is written beside its target and renamed over it, so a daemon serving dist/ (or a second
// build running at the same time, as parallel browser tests do) never sees a half-written file.
async function replace(file, write) {
  const temp = `${file}.${process.pid}.tmp`;
  await write(temp);
  await rename(temp, file);
}

await mkdir(dist, { recursive: true });
const result = await build({
  entryPoints: [path.join(web, 'src/main.ts')],
  outfile: path.join(dist, 'app.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  write: false,
});
await Promise.all([
  ...result.outputFiles.map((out) => replace(out.path, (temp) => writeFile(temp, out.contents))),
  ...STATIC_FILES.map((file) => replace(path.join(dist, file), (temp) => copyFile(path.join(web, file), temp))),
]);
