import type { Actor } from '../../shared/api-types.js';
import type { HubStatus } from '../../shared/edge-protocol.js';
import { startEdge, type RunningEdge } from '../../edge/local/start-edge.js';
import { startTestDaemon, type TestDaemon } from './start-test-daemon.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

export const DAEMON_TOKEN = 'edge-test-daemon-token';

export interface TestEdge {
  edge: RunningEdge;
  daemon: TestDaemon;
  /** Between the Worker and the daemon: counts the Worker's connections to the daemon. */
  toDaemon: TcpProxy;
  hubStatus(): Promise<HubStatus>;
  /** Stops the daemon (the edge stays up). */
  stopDaemon(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The edge Worker in workerd (miniflare) with a real daemon behind it on loopback, wired as in
 * production: the daemon publishes to the Worker's bucket (STORAGE=edge) and feeds its event hub; the
 * Worker forwards writes to the daemon. Resolves once the hub has the daemon and the bucket the actors.
 */
export async function startTestEdge(options: { actors: Actor[]; env?: Record<string, string> }): Promise<TestEdge> {
  const toDaemon = await startTcpProxy();
  const edge = await startEdge({ daemonUrl: toDaemon.url, daemonToken: DAEMON_TOKEN, logLevel: 'error' });
  const daemon = await startTestDaemon({
    actors: options.actors,
    env: { API_TOKEN: DAEMON_TOKEN, EDGE_URL: edge.url, STORAGE: 'edge', ...options.env },
  });
  toDaemon.setTarget(Number(new URL(daemon.url).port));
  const hubStatus = async () => (await (await fetch(`${edge.url}/api/hub`)).json()) as HubStatus;
  await until(async () => (await hubStatus()).daemon_connected && (await fetch(`${edge.url}/api/info`)).ok);
  await until(async () => ((await (await fetch(`${edge.url}/api/actors`)).json()) as Actor[]).length === options.actors.length);
  let daemonStopped = false;
  const stopDaemon = async () => {
    daemonStopped = true;
    await daemon.dispose();
  };
  return {
    edge,
    daemon,
    toDaemon,
    hubStatus,
    stopDaemon,
    async dispose() {
      if (!daemonStopped) await stopDaemon();
      await edge.close();
      await toDaemon.close();
    },
  };
}

/** Polls `condition` until it holds; fails after `timeoutMs` naming what it waited for. */
export async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
