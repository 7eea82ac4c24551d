import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEdgeConfig } from './edge-config.js';

describe('loadEdgeConfig (npm run edge)', () => {
  it("defaults to port 8788 in front of the daemon at 127.0.0.1:8787, the daemon's API_TOKEN as DAEMON_TOKEN", () => {
    expect(loadEdgeConfig({ API_TOKEN: 't' }, '/srv')).toEqual({
      port: 8788,
      daemonUrl: 'http://127.0.0.1:8787',
      daemonToken: 't',
      apiToken: undefined,
      stateDir: path.resolve('/srv/data/edge'),
    });
  });

  it.each([
    [{ API_TOKEN: 't', EDGE_PORT: 'eighty' }, 'EDGE_PORT'],
    [{ API_TOKEN: 't', DAEMON_URL: '127.0.0.1:8787' }, 'DAEMON_URL'],
    [{}, 'DAEMON_TOKEN'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadEdgeConfig(env)).toThrow(variable);
  });
});
