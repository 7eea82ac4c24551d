/** How many recent jobs the estimate looks at: enough to ride out one odd job, few enough to follow a changed workload. */
const WINDOW = 16;

export interface JobDuration {
  /** Records how long a finished job ran on its worker. */
  record(executionMs: number): void;
  /** A typical execution time, leaning short; undefined until a job has finished. */
  expected(): number | undefined;
}

/**
 * How long the endpoint's jobs take to run, learnt from the jobs that finished. It leans short (the
 * lower quartile of the recent window) because the cost is lopsided: polling a little early costs a
 * few cheap status calls, polling late leaves a finished image (and its GPU slot) waiting.
 */
export function createJobDuration(): JobDuration {
  const recent: number[] = [];
  return {
    record(executionMs) {
      if (!(executionMs > 0)) return;
      recent.push(executionMs);
      if (recent.length > WINDOW) recent.shift();
    },
    expected() {
      if (recent.length === 0) return undefined;
      const sorted = [...recent].sort((a, b) => a - b);
      return sorted[Math.floor((sorted.length - 1) / 4)];
    },
  };
}
