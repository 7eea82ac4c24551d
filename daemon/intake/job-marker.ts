import { readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { unlessMissing, writeFileAtomic } from '../fs/atomic-write.js';

/**
 * The id of the job a claimed request file was submitted as, kept beside it in `processing/` as
 * `.<stem>.job` (a dotfile, so it is never taken for a request; as long as the request's own name, so
 * it always fits). A start that finds the request still in `processing/` follows that job instead of
 * running the request again: a job that already ended only has its outcome recorded and moved.
 */
const markerOf = (requestPath: string) => join(dirname(requestPath), `.${basename(requestPath).replace(/\.json$/, '')}.job`);

export async function readJobMarker(requestPath: string): Promise<string | undefined> {
  return (await unlessMissing(readFile(markerOf(requestPath), 'utf8')))?.trim() || undefined;
}

export const writeJobMarker = (requestPath: string, jobId: string): Promise<void> => writeFileAtomic(markerOf(requestPath), jobId);

export const removeJobMarker = (requestPath: string): Promise<void> => rm(markerOf(requestPath), { force: true });

/** Marker names in `processing/` (`.x.job`) whose request (`x.json`) is no longer there: a crash after the move left them. */
export function orphanedMarkers(processingNames: string[]): string[] {
  const requests = new Set(processingNames);
  return processingNames.filter((name) => /^\..+\.job$/.test(name) && !requests.has(`${name.slice(1, -'.job'.length)}.json`));
}
