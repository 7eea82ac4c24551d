import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { JobOwner } from '../../shared/api-types.js';
import { isErrno } from './atomic-write.js';

/**
 * Who a process is, beyond its pid: pids are reused, and in a container the daemon is PID 1 after
 * every restart. The start time (clock ticks since boot, from /proc/<pid>/stat) and the boot id
 * tell a restarted PID 1 from the one that wrote a lock or owned a job; the random token tells two
 * holders in the same process apart. Written into lock files and job records.
 */
export type ProcessIdentity = JobOwner;

let self: ProcessIdentity | undefined;

/** This process's identity (the same object for the life of the process). */
export function currentProcess(): ProcessIdentity {
  self ??= { pid: process.pid, start_time: startTimeOf(process.pid), boot_id: bootId(), token: randomBytes(8).toString('hex') };
  return self;
}

/**
 * Whether the process `identity` names is still running: same boot, a live (not zombie) process
 * with that pid, started at the same time. Without /proc only the pid can be checked.
 */
export function isProcessAlive(identity: Pick<ProcessIdentity, 'pid' | 'start_time' | 'boot_id'>): boolean {
  const me = currentProcess();
  if (identity.boot_id && me.boot_id && identity.boot_id !== me.boot_id) return false;
  if (me.start_time === undefined) return signalReaches(identity.pid);
  const started = startTimeOf(identity.pid);
  if (started === undefined) return false;
  return identity.start_time === undefined || identity.start_time === started;
}

/** A process that has exited but was not yet reaped (Z) or is being torn down (X) counts as gone. */
function startTimeOf(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return fields[19];
}

function bootId(): string | undefined {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim();
}

function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT', 'ESRCH', 'EACCES', 'ENOTDIR')) return undefined;
    throw error;
  }
}

/** Whether a process with this pid exists (signal 0 reaches it); pid only, so a reused pid counts as alive. */
export function signalReaches(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return !isErrno(error, 'ESRCH');
  }
}
