import { loadInputTemplate } from '../../daemon/pipeline/1-generate/runpod/input-template.js';
import { createRunpodGenerator, type RunpodGeneratorOptions } from '../../daemon/pipeline/1-generate/runpod/runpod-generator.js';
import type { RunpodPeer } from '../peers/runpod-peer.js';

/** The RunPod generator pointed at a loopback peer with its own key and endpoint, polling and retrying fast so tests stay short. */
export function runpodTestGenerator(peer: RunpodPeer, overrides: Partial<RunpodGeneratorOptions> = {}) {
  return createRunpodGenerator({
    apiKey: peer.env.RUNPOD_API_KEY!,
    endpointId: peer.env.RUNPOD_ENDPOINT_ID!,
    baseUrl: peer.baseUrl,
    pollIntervalMs: 10,
    timeoutMs: 10_000,
    template: loadInputTemplate(),
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
}
