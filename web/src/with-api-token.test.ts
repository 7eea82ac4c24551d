import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.js';
import { withApiToken } from './with-api-token.js';

const REFUSED = 'Expected an Authorization: Bearer <token> header with the API_TOKEN the daemon was started with';

/** A stand-in daemon call: accepts only `valid`, refusing like the real one does. */
function guarded(api: { token: string | undefined }, valid: string) {
  const sentTokens: (string | undefined)[] = [];
  const call = async () => {
    sentTokens.push(api.token);
    if (api.token !== valid) throw new ApiError(401, 'unauthorized', REFUSED);
    return 'accepted';
  };
  return { call, sentTokens };
}

describe('withApiToken', () => {
  it('returns at once, asking nothing, when the call succeeds', async () => {
    const api = { token: 's3cret' };
    const asked: (string | undefined)[] = [];
    const { call, sentTokens } = guarded(api, 's3cret');
    expect(
      await withApiToken(
        api,
        async (refused) => {
          asked.push(refused);
          return 'x';
        },
        call,
      ),
    ).toBe('accepted');
    expect(asked).toEqual([]);
    expect(sentTokens).toEqual(['s3cret']);
  });

  it("asks after a 401, keeps the token and retries; a refused token is asked for again with the server's message", async () => {
    const api: { token: string | undefined } = { token: undefined };
    const answers = ['wrong', 's3cret'];
    const asked: (string | undefined)[] = [];
    const { call, sentTokens } = guarded(api, 's3cret');
    const result = await withApiToken(
      api,
      async (refused) => {
        asked.push(refused);
        return answers.shift();
      },
      call,
    );
    expect(result).toBe('accepted');
    expect(asked).toEqual([undefined, REFUSED]);
    expect(sentTokens).toEqual([undefined, 'wrong', 's3cret']);
    expect(api.token).toBe('s3cret');
  });

  it('rejects with what to do when asking is cancelled, and keeps the old token', async () => {
    const api = { token: 'stale' };
    const { call, sentTokens } = guarded(api, 's3cret');
    await expect(withApiToken(api, async () => undefined, call)).rejects.toMatchObject({
      status: 401,
      code: 'unauthorized',
      message: expect.stringContaining('enter the API_TOKEN it was started with'),
    });
    expect(sentTokens).toEqual(['stale']);
    expect(api.token).toBe('stale');
  });

  it.each([
    ['a 403', new ApiError(403, 'forbidden', 'no')],
    ['a network error', new ApiError(0, 'network_error', 'down')],
    ['a bug', new TypeError('boom')],
  ])('passes %s through without asking', async (_name, failure) => {
    let asked = false;
    const call = () => Promise.reject(failure);
    await expect(
      withApiToken(
        { token: undefined },
        async () => {
          asked = true;
          return 'x';
        },
        call,
      ),
    ).rejects.toBe(failure);
    expect(asked).toBe(false);
  });
});
