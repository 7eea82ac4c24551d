import { createBuiltinGenerator } from '../../daemon/pipeline/1-generate/builtin-generator.js';
import type { GenerationParams } from '../../shared/api-types.js';
import type { Generator } from '../../daemon/pipeline/1-generate/generator.js';

/**
 * The built-in generator, counting its generations, so a resume test can prove the GPU step was not
 * paid for twice. `fixed` overrides the request's parameters (e.g. a seed, for a new image every run).
 */
export function countingGenerator(fixed: GenerationParams = {}): { generator: Generator; readonly count: number } {
  const builtin = createBuiltinGenerator();
  let count = 0;
  const generator: Generator = {
    name: 'counting',
    generate: (request) => {
      count++;
      return builtin.generate({ ...request, params: { ...request.params, ...fixed } });
    },
  };
  return {
    generator,
    get count() {
      return count;
    },
  };
}
