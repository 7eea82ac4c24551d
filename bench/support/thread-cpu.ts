import { readFileSync } from 'node:fs';

/** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every mainstream architecture. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) of this process's main thread — the event loop, where JavaScript runs — in
 * milliseconds, from /proc (10 ms resolution). Beside process.cpuUsage() it says how much of a poster's
 * CPU is JavaScript and callbacks rather than sharp's threads, which is what blocks the API.
 */
export function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  // Fields after the ')' that ends the thread's name: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
