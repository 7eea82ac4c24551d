import { stat } from 'node:fs/promises';
import type { ServerInfo } from '../../shared/api-types.js';
import type { ActorsReader } from '../app/app-deps.js';
import type { Config } from '../config.js';
import { unlessMissing } from '../fs/atomic-write.js';

/**
 * A rough duration of one generation per backend, for the UI's copy ("takes about …"). Estimates, not
 * measurements of your endpoint: builtin renders an SVG in well under a second on one core; a GPU
 * generation of 30 steps at 1024×1024 takes tens of seconds, more on a cold RunPod worker.
 */
const TYPICAL_SECONDS: Record<Config['generator'], number> = { builtin: 1, a1111: 30, runpod: 60 };

/**
 * `GET /api/info`'s answer, computed per request (cheap: one stat and the store's cached list) so the
 * empty state ends as soon as an actors file is dropped into DATA_DIR.
 */
export function serverInfo(config: Config, actors: ActorsReader): () => Promise<ServerInfo> {
  return async () => {
    const [present, { total }] = await Promise.all([unlessMissing(stat(config.actorsFile)), actors.page({ limit: 1 })]);
    return {
      generator: { kind: config.generator, uses_lora: config.generator !== 'builtin', typical_seconds: TYPICAL_SECONDS[config.generator] },
      storage: config.storage,
      actors: { count: total, file_present: present !== undefined },
      api_token_required: config.apiToken !== undefined,
    };
  };
}
