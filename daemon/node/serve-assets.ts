import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isErrno } from '../fs/atomic-write.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The built web UI from `root` (web/dist) as the Hono app's `assets` binding. The app has already
 * rejected unsafe paths; the resolved path is checked against the root again because it is a file path.
 */
export function serveAssets(root: string): (urlPath: string) => Promise<Response | null> {
  const base = path.resolve(root);
  return async (urlPath) => {
    const file = path.resolve(base, `.${urlPath === '/' ? '/index.html' : urlPath}`);
    const type = TYPES[path.extname(file)];
    if (!file.startsWith(base + path.sep) || !type) return null;
    try {
      const body = await readFile(file);
      // index.html must be revalidated so a rebuilt bundle is picked up; the bundle itself is small.
      return new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'no-cache' } });
    } catch (error) {
      if (isErrno(error, 'ENOENT', 'EISDIR')) return null;
      throw error;
    }
  };
}
