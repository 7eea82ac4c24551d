import type { BenchRow, BenchSection, BenchSectionResult } from './section.js';

const COLUMNS = ['metric', 'value', 'target', 'result'] as const;

/** All sections' rows as one plain-text table, a title line before each section's rows. */
export function formatTable(results: { section: BenchSection; result: BenchSectionResult }[]): string {
  const rows: (BenchRow | string)[] = [];
  for (const { section, result } of results) {
    rows.push(`${section.title}${result.notice ? ` — ${result.notice}` : ''}`);
    rows.push(...result.rows);
  }
  const cells = (row: BenchRow) => COLUMNS.map((column) => row[column] ?? '');
  const width = (row: BenchRow | string, i: number) => (typeof row === 'string' ? (i === 0 ? row.length + 4 : 0) : cells(row)[i]!.length);
  const widths = COLUMNS.map((column, i) => Math.max(column.length, ...rows.map((row) => width(row, i))));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line([...COLUMNS]), line(widths.map((w) => '-'.repeat(w)))];
  for (const row of rows) out.push(typeof row === 'string' ? line([`**${row}**`, '', '', '']) : line(cells(row)));
  return out.join('\n');
}
