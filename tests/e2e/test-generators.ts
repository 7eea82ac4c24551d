import { PipelineError } from '../../daemon/errors.js';
import { createBuiltinGenerator } from '../../daemon/pipeline/1-generate/builtin-generator.js';
import type { GenerateRequest, GeneratedImage, Generator } from '../../daemon/pipeline/1-generate/generator.js';

/** Rejects with the signal's reason once it aborts. */
const aborted = (signal: AbortSignal) =>
  new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/**
 * The built-in generator behind a gate the test controls: while held, a generation reports
 * "generating 50%" and waits, so the page's loading state can be seen without any timing. Each
 * generation gets a new seed, so every poster (and its `?v=` version) differs from the last.
 */
export class GatedGenerator implements Generator {
  readonly name = 'gated-builtin';
  private readonly inner = createBuiltinGenerator();
  private seed = 1;
  private gate?: { promise: Promise<void>; open: () => void };

  /** Makes the following generations wait until {@link release}. */
  hold(): void {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.gate = { promise, open };
  }

  release(): void {
    this.gate?.open();
    this.gate = undefined;
  }

  async generate(request: GenerateRequest): Promise<GeneratedImage> {
    if (this.gate) {
      request.onProgress({ stage: 'generating', percent: 50, message: 'step 15/30' });
      // A cancel (or shutdown) aborts the wait, as a real backend's would.
      await Promise.race([this.gate.promise, aborted(request.signal)]);
    }
    return this.inner.generate({ ...request, params: { ...request.params, seed: this.seed++ } });
  }
}

/** The message the failing backend gives; the page must show it. */
export const GPU_CRASH = 'GPU worker crashed: CUDA out of memory';

/** A backend that always fails the way a crashed GPU worker does. */
export const failingGenerator: Generator = {
  name: 'failing',
  async generate({ onProgress }) {
    onProgress({ stage: 'generating', percent: 10, message: 'loading LoRA' });
    throw new PipelineError('generation_failed', GPU_CRASH);
  },
};

/**
 * The built-in generator failing, like a crashed GPU worker, for the actors named in `failing` (a set
 * the test changes: clear it and a retry succeeds).
 */
export class SometimesFailingGenerator implements Generator {
  readonly name = 'sometimes-failing';
  readonly failing = new Set<string>();
  private readonly inner = createBuiltinGenerator();

  async generate(request: GenerateRequest): Promise<GeneratedImage> {
    if (this.failing.has(request.actor.name)) return failingGenerator.generate(request);
    return this.inner.generate(request);
  }
}
