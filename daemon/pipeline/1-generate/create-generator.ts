import type { Config } from '../../config.js';
import { createBuiltinGenerator } from './builtin-generator.js';
import type { Generator } from './generator.js';

/** The backend `config.generator` names. */
export function createGenerator(config: Config): Generator {
  switch (config.generator) {
    case 'builtin':
      return createBuiltinGenerator();
    default:
      // The RunPod and A1111 clients land next; falling back silently would publish offline posters.
      throw new Error(`Generator "${config.generator}" is not available yet; set GENERATOR=builtin`);
  }
}
