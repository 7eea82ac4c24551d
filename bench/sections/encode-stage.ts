import { performance } from 'node:perf_hooks';
import { createBuiltinGenerator } from '../../daemon/pipeline/1-generate/builtin-generator.js';
import { encodePosterSizes } from '../../daemon/pipeline/3-encode/encode-poster.js';
import type { BenchSection } from '../section.js';
import { quantile, summary } from '../stats.js';

const RUNS = 10;

/** How long the encode stage takes for one built-in 1024×1024 poster. */
const section: BenchSection = {
  name: 'encode-stage',
  title: 'Encode stage, built-in 1024² PNG → WebP sm/md/lg',
  async run() {
    const generated = await createBuiltinGenerator().generate({
      actor: { id: '1', name: 'bench', description: 'benchmark poster', loraModelUrl: 's3://b/x' },
      params: { seed: 1 },
      width: 1024,
      height: 1024,
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    if (generated.kind !== 'bytes') throw new Error('the built-in generator returns bytes');
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await encodePosterSizes(generated.bytes, { maxInputPixels: 1 << 26 });
      samples.push(performance.now() - start);
    }
    return {
      rows: [{ metric: 'encode one poster (wall)', value: summary(samples) }],
      data: { medianMs: quantile(samples, 0.5), samplesMs: samples },
    };
  },
};
export default section;
