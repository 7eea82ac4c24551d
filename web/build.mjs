// Builds the web UI into web/dist: one minified ES module (Lit included) plus the static files.
// Nothing is fetched at run time. Run by `npm run build:web` (and so by `npm start` and `npm test`).
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(web, 'dist');
const STATIC_FILES = ['index.html', 'styles.css'];

// Files are overwritten in place rather than the folder wiped, so a daemon serving dist/ never sees it empty.
await mkdir(dist, { recursive: true });
await build({
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
});
await Promise.all(STATIC_FILES.map((file) => copyFile(path.join(web, file), path.join(dist, file))));
