import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Removes local storage's draft folders (`actors/<name>/poster_frame/drafts/`): before versions, a
 * job staged its output there. Nothing reads them any more — a job resumed from that time stages its
 * version again from its source checkpoint — so they are only clutter. Returns the folders removed.
 */
export async function removeLegacyDrafts(mediaRoot: string): Promise<string[]> {
  const removed: string[] = [];
  const actorsDir = path.join(mediaRoot, 'actors');
  for (const actor of await readdir(actorsDir).catch(() => [])) {
    const draftsDir = path.join(actorsDir, actor, 'poster_frame', 'drafts');
    if ((await readdir(draftsDir).catch(() => undefined)) === undefined) continue;
    await rm(draftsDir, { recursive: true, force: true });
    removed.push(draftsDir);
  }
  return removed;
}
