import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/api-types.js';
import { createProgressPrinter } from './progress-printer.js';

const job = (id: string, fields: Partial<Job>) => ({ id, actor_name: `actor_${id}`, status: 'running', stage: 'generating', percent: 0, ...fields }) as Job;
const stream = () => {
  const lines: string[] = [];
  return { lines, stream: { isTTY: false, write: (text: string) => lines.push(text.trimEnd()) } as unknown as NodeJS.WriteStream };
};

describe('createProgressPrinter', () => {
  it('prints ONE overall line for several jobs, its percent the batchPercent of all of them, unseen ones at 0 %', () => {
    const { lines, stream: out } = stream();
    const printer = createProgressPrinter(4, out);
    printer.print(job('a', { status: 'done', percent: 100 }));
    printer.print(job('b', { status: 'failed' }));
    printer.print(job('b', { status: 'failed' }));
    expect(lines).toEqual(['[######------------------]  25% 1/4 done', '[############------------]  50% 1/4 done, 1 failed']);
  });

  it("prints a single job's own line", () => {
    const { lines, stream: out } = stream();
    createProgressPrinter(1, out).print(job('a', { message: 'step 3/30', percent: 50 }));
    expect(lines).toEqual(['[##########--------------]  43% actor_a step 3/30']);
  });
});
