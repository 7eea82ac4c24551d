import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLibrary } from '../../daemon/library/open-library.js';
import { quantile } from '../stats.js';

const UPDATES = 50;

export interface SaveTimes {
  update: { n: number; p50: number; p99: number };
  export: { p50: number; p99: number };
}

/**
 * The save stage's durable record at library scale, in this process on its own copy of the library
 * (`dataDir` holding actorsData.json): one poster update — the SQLite transaction, committed — timed
 * alone, then the coalesced actorsData.json export it schedules timed separately and awaited before the
 * next update, so an export never lands inside an update's measurement.
 */
export async function timeSaves(dataDir: string): Promise<SaveTimes> {
  const library = openLibrary({ dataDir, actorsFile: path.join(dataDir, 'actorsData.json') });
  try {
    await library.actors.list();
    const updates: number[] = [];
    const exports: number[] = [];
    for (let i = 1; i <= UPDATES; i++) {
      const start = performance.now();
      await library.actors.update(String(i * 100), (actor) => ({ ...actor, poster_updated_at: new Date().toISOString() }));
      const recorded = performance.now();
      await library.actors.exported();
      updates.push(recorded - start);
      exports.push(performance.now() - recorded);
    }
    return {
      update: { n: updates.length, p50: quantile(updates, 0.5), p99: quantile(updates, 0.99) },
      export: { p50: quantile(exports, 0.5), p99: quantile(exports, 0.99) },
    };
  } finally {
    await library.close();
  }
}
