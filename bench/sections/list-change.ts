import { revisionBodyCache } from '../../daemon/app/routes/cached-body.js';
import type { ListBodyEncoder } from '../../daemon/app/app-deps.js';
import { ActorsIndex, type IndexedActor, indexRow } from '../../daemon/library/actors-index.js';
import { actorsFileParts } from '../../daemon/library/export-actors-file.js';
import { segmentedListBody } from '../../daemon/node/segmented-list-body.js';
import type { BenchSection } from '../section.js';
import { quantile } from '../stats.js';
import { publishedLibrary } from '../support/library-file.js';

const ACTORS = 10_000;
const CHANGES = 20;

/** CPU time of this process (every thread: zlib's pool included), in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Median CPU per change of `work` after each of CHANGES one-actor changes (the first run, before any change, apart). */
async function perChange(work: (index: ActorsIndex, revision: number) => Promise<number>) {
  const actors = publishedLibrary(ACTORS);
  const index = ActorsIndex.of(actors);
  let start = cpuMs();
  let bytes = await work(index, 0);
  const first = cpuMs() - start;
  const samples: number[] = [];
  for (let revision = 1; revision <= CHANGES; revision++) {
    const position = (revision * 487) % ACTORS;
    index.apply([indexRow({ ...actors[position]!, poster_updated_at: new Date(revision * 1000).toISOString() }, position)], revision);
    start = cpuMs();
    bytes = await work(index, revision);
    samples.push(cpuMs() - start);
  }
  return { first, perChange: quantile(samples, 0.5), bytes };
}

const listBody = (encode: ListBodyEncoder) => async (index: ActorsIndex, revision: number) => {
  await encode(revision, index.blocks(), false);
  return (await encode(revision, index.blocks(), true)).length;
};

/** The export as it was made before the per-block parts: each actor's indented text cached, the 14 MB joined and encoded. */
const prettyOf = new WeakMap<IndexedActor, string>();
function wholeFile(index: ActorsIndex): Buffer {
  const entries = index.ordered().map((entry) => {
    const text = prettyOf.get(entry) ?? JSON.stringify(JSON.parse(entry.json), null, 2).replaceAll('\n', '\n  ');
    prettyOf.set(entry, text);
    return text;
  });
  return Buffer.from(`[\n  ${entries.join(',\n  ')}\n]\n`);
}

/**
 * What one library change costs the daemon at 10,000 actors, in CPU time (which a busy machine hardly
 * blurs): the `GET /api/actors` body (identity and gzip) rebuilt by the whole-list path (the edge's:
 * join, encode, CompressionStream) and by the daemon's per-block encoder, and the actorsData.json
 * export's bytes. In-process, no daemon.
 */
const section: BenchSection = {
  name: 'list-change',
  title: `One library change at ${ACTORS.toLocaleString('en-US')} actors: list body and export, CPU`,
  async run() {
    const whole = await perChange(listBody(revisionBodyCache()));
    const blocks = await perChange(listBody(segmentedListBody()));
    const joined = await perChange(async (index) => Buffer.byteLength(wholeFile(index)));
    const parts = actorsFileParts();
    const exportFile = await perChange(async (index) => (await parts(index.blocks())).reduce((sum, part) => sum + part.length, 0));
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const row = (metric: string, result: { first: number; perChange: number; bytes: number }, unit: string) => ({
      metric,
      value: `${ms(result.perChange)} per change (first build ${ms(result.first)}), ${(result.bytes / 1e3).toFixed(0)} kB ${unit}`,
    });
    return {
      rows: [
        row('GET /api/actors body, whole list re-encoded and gzipped (edge path)', whole, 'gzip'),
        row('GET /api/actors body, per-block segments (daemon)', blocks, 'gzip'),
        row('actorsData.json export, whole file joined and encoded (before fab4709: per-actor text cached)', joined, 'file'),
        row('actorsData.json export bytes, per block', exportFile, 'file'),
      ],
      data: { actors: ACTORS, changes: CHANGES, whole, blocks, joined, exportFile },
    };
  },
};
export default section;
