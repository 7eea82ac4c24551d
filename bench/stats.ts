/** Quantile of already collected samples (nearest rank). */
export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** "median 12 ms, p90 15 ms, min 11 ms (n=10)". */
export function summary(samples: readonly number[]): string {
  const at = (q: number) => quantile(samples, q).toFixed(0);
  return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, min ${Math.min(...samples).toFixed(0)} ms (n=${samples.length})`;
}
