import { ContextConsumer } from '@lit/context';
import type { ReactiveElement } from 'lit';
import type { ApiClient } from './api-client.js';
import { apiContext } from './context.js';
import { emit } from './emit.js';
import { withTokenDialog } from './with-api-token.js';

/**
 * Runs the mutating calls of batches and the jobs board (start, cancel, retry) for a host element:
 * asks for the API token when the daemon wants one (through the `<token-dialog>` the host must render)
 * and turns a refusal into an error toast that says what could not be done and why.
 *
 * @fires pf-toast - (from the host) when a call fails
 */
export class JobActions {
  private readonly api: ContextConsumer<typeof apiContext, ReactiveElement>;

  constructor(private readonly host: ReactiveElement) {
    this.api = new ContextConsumer(host, { context: apiContext });
  }

  /**
   * @param what - what is being done, for the error toast: "cancel the batch"
   * @returns what the call returns, or undefined when it failed (the toast has said why)
   * @example const accepted = await actions.run('start the batch', (api) => api.startBatch(request));
   */
  async run<T>(what: string, call: (api: ApiClient) => Promise<T>): Promise<T | undefined> {
    const api = this.api.value!;
    try {
      return await withTokenDialog(this.host, api, () => call(api));
    } catch (error) {
      emit(this.host, 'pf-toast', { kind: 'error', message: `Could not ${what}: ${(error as Error).message}` });
      return undefined;
    }
  }
}
