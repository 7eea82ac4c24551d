import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Actor, RegenerateRequest } from '../../shared/api-types.js';
import { parseRequestFile } from '../../shared/request-schema.js';
import { PipelineError, messageOf } from '../errors.js';
import { isErrno } from '../fs/atomic-write.js';
import { requireActorName } from '../jobs/create-job.js';
import type { ActorsStore } from '../pipeline/5-save/actors-store.js';
import { describeJsonError } from './json-error-location.js';
import { LINKS_REFUSED, linkKind } from './link-kind.js';

/** A request file is a few hundred bytes; anything near this is not one, so it is not read. */
export const MAX_REQUEST_FILE_BYTES = 1024 * 1024;

/**
 * A writer that pauses longer than the watcher's stability threshold leaves a truncated file; JSON
 * that does not parse is re-read until the file has not changed for this long.
 */
const WRITE_QUIET_MS = 1000;

/**
 * Reads a claimed request file and parses its JSON. Symlinks are refused (a link could point the
 * daemon at any file it can read) and FIFOs or devices are never waited on.
 */
export async function readRequestJson(path: string, maxBytes = MAX_REQUEST_FILE_BYTES): Promise<unknown> {
  for (;;) {
    const { bytes, mtimeMs } = await readCapped(path, maxBytes);
    // Editors on Windows may start the file with a byte-order mark, which JSON.parse rejects.
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    try {
      return JSON.parse(text);
    } catch {
      // Capped, so an mtime in the future (a skewed network filesystem) cannot stall the file.
      const quietIn = Math.min(mtimeMs + WRITE_QUIET_MS - Date.now(), WRITE_QUIET_MS);
      if (quietIn > 0) {
        await sleep(quietIn);
        continue;
      }
      throw new PipelineError('invalid_request', `${basename(path)} is not valid JSON: ${describeJsonError(text)}. Fix the file and drop it again.`);
    }
  }
}

async function readCapped(path: string, maxBytes: number): Promise<{ bytes: Buffer; mtimeMs: number }> {
  const name = basename(path);
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  const handle = await open(path, flags).catch(async (error: unknown) => {
    // O_NOFOLLOW refuses a link with ELOOP, whatever it points at.
    if (isErrno(error, 'ELOOP'))
      throw new PipelineError('invalid_request', `Expected a regular file for ${name} but received ${await linkKind(path)}. ${LINKS_REFUSED}`);
    throw new PipelineError('invalid_request', `${name} could not be opened (${messageOf(error)}). Drop a regular JSON file, not a link.`);
  });
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new PipelineError('invalid_request', `Expected a regular file for ${name} but received a directory, FIFO or device.`);
    }
    const bytes = await readAtMost(handle, Math.min(stats.size, maxBytes) + 1);
    if (stats.size > maxBytes || bytes.length > maxBytes) {
      throw new PipelineError(
        'payload_too_large',
        `Expected a request file of at most ${maxBytes} bytes for ${name} but received ${Math.max(stats.size, bytes.length)} bytes.`,
      );
    }
    return { bytes, mtimeMs: stats.mtimeMs };
  } finally {
    await handle.close();
  }
}

/** Reads from the start up to `limit` bytes, so a file that keeps growing is never read whole. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Buffer> {
  const buffer = Buffer.alloc(limit);
  let length = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, length, limit - length, length);
    length += bytesRead;
    if (bytesRead === 0 || length === limit) return buffer.subarray(0, length);
  }
}

/**
 * Validates a parsed request file against the schema and the actors file. The request's actor_name
 * must be the actor's own name: it names the S3 keys, so a mismatch would publish under another name.
 */
export async function resolveRequest(data: unknown, actors: ActorsStore): Promise<{ actor: Actor; request: RegenerateRequest }> {
  const parsed = parseRequestFile(data);
  if (!parsed.ok) {
    const problems = parsed.issues.map((issue) => issue.message).join('; ');
    throw new PipelineError('invalid_request', `The request file is not valid: ${problems}. Fix the file and drop it again.`, {
      details: parsed.issues,
    });
  }
  const { actor_id: actorId, ...request } = parsed.value;
  const actor = await actors.find(String(actorId));
  if (!actor) {
    throw new PipelineError('actor_not_found', `No actor with id "${actorId}" in actorsData.json. Check actor_id against GET /api/actors.`);
  }
  requireActorName(actor, request.actor_name, ". Use the actor's name from actorsData.json.");
  return { actor, request };
}
