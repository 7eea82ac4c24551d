import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A fresh directory under the OS temp dir, and its removal. */
export async function tempDir(prefix = 'posterframe-'): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  // Retries: a test may end while a write it started is still landing in the folder (ENOTEMPTY).
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }) };
}
