import { describe, expect, it } from 'vitest';
import type { ServerInfo } from '../../../shared/api-types.js';
import { createApp } from '../create-app.js';
import { fakeDeps } from '../test-support/fake-deps.js';

const INFO: ServerInfo = {
  generator: { kind: 'builtin', uses_lora: false, typical_seconds: 1 },
  storage: 'local',
  actors: { count: 0, file_present: false },
  api_token_required: false,
};

describe('GET /api/info', () => {
  it('answers what the injected info function computes, asked afresh each time', async () => {
    let calls = 0;
    const app = createApp(fakeDeps({ info: async () => ({ ...INFO, actors: { count: ++calls, file_present: true } }) }));
    expect(await (await app.request('/api/info')).json()).toStrictEqual({ ...INFO, actors: { count: 1, file_present: true } });
    expect((await (await app.request('/api/info')).json()).actors.count).toBe(2);
  });

  it('is not routed when no info function is given', async () => {
    expect((await createApp(fakeDeps()).request('/api/info')).status).toBe(404);
  });
});
