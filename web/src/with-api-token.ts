import type { ReactiveElement } from 'lit';
import { ApiError, type ApiClient } from './api-client.js';

/**
 * Asks the person for the API token.
 * @param refused - the server's message when the token already sent was refused; undefined when none was sent
 * @returns the token, or undefined when they cancelled
 */
export type AskToken = (refused: string | undefined) => Promise<string | undefined>;

/**
 * Runs a mutating API call; when the daemon answers 401 (it was started with API_TOKEN), asks for the
 * token, keeps it on the client and retries once with it, asking again for as long as a token is refused.
 *
 * @returns what the call returns
 * @throws the call's error for anything but a 401, or an `ApiError('unauthorized')` when asking was cancelled
 * @example await withApiToken(api, askToken, () => api.regenerate(actor));
 */
export async function withApiToken<T>(api: Pick<ApiClient, 'token'>, ask: AskToken, call: () => Promise<T>): Promise<T> {
  for (;;) {
    const sent = api.token;
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      const token = await ask(sent === undefined ? undefined : error.message);
      if (token === undefined) {
        throw new ApiError(
          401,
          'unauthorized',
          'The daemon needs its API token for this and none was entered. Try again and enter the API_TOKEN it was started with.',
        );
      }
      api.token = token;
    }
  }
}

/**
 * {@link withApiToken} asking through the `<token-dialog>` that `host` renders in its shadow root.
 *
 * @example await withTokenDialog(this.host, api, () => api.acceptJob(id));
 */
export function withTokenDialog<T>(host: ReactiveElement, api: Pick<ApiClient, 'token'>, call: () => Promise<T>): Promise<T> {
  return withApiToken(api, (refused) => host.renderRoot.querySelector('token-dialog')!.ask(refused), call);
}
