/**
 * One part of `npm run bench`. A section measures something and returns rows for the shared table and
 * a JSON-able object for `--json`; it never prints. Register it with one line in bench/run.ts.
 */
export interface BenchRow {
  /** What was measured, e.g. "GPU-bound batch, 64 jobs". */
  metric: string;
  /** The measured value with its unit, e.g. "12.4 s". */
  value: string;
  /** The target or reference it is held against, e.g. "≤ 1.15× bound". */
  target?: string;
  /** The verdict or a ratio, e.g. "1.03× ✓". */
  result?: string;
}

export interface BenchSectionResult {
  rows: BenchRow[];
  /** Everything measured, for `npm run bench -- --json`. */
  data: Record<string, unknown>;
  /** Why (part of) the section did not run, e.g. "Pillow not installed". */
  notice?: string;
}

export interface BenchSection {
  /** Short kebab-case name: the key in `--json` and the value of `--only`. */
  name: string;
  title: string;
  run(): Promise<BenchSectionResult>;
}
