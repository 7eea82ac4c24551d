import { deleteVersion } from '../pipeline/4-upload/upload-version.js';
import type { Storage } from '../pipeline/4-upload/storage.js';
import type { VersionRecords } from './version-records.js';

/**
 * Keeps at most `keep` stored versions of an actor by deleting the oldest published ones. The current
 * version is never pruned, nor a version in state `preview` (an undecided preview, or a job's version
 * on its way to being published), so an actor with many of those may keep more than `keep`.
 *
 * @returns the versions removed, oldest first
 */
export async function pruneVersions(
  deps: { storage: Storage; versions: VersionRecords },
  actor: { id: string; name: string; current?: string },
  keep: number,
): Promise<string[]> {
  const live = deps.versions.list(actor.id); // newest first
  const excess = live.length - keep;
  if (excess <= 0) return [];
  const prunable = live.filter((record) => record.state === 'published' && record.version !== actor.current).reverse();
  const removed: string[] = [];
  for (const record of prunable.slice(0, excess)) {
    await deleteVersion(deps.storage, actor.name, record.version);
    deps.versions.remove(actor.id, record.version);
    removed.push(record.version);
  }
  return removed;
}
