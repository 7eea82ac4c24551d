import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:54321` */
  url: string;
  close(): Promise<void>;
}

/** Serves the app on a free loopback port through @hono/node-server, as the daemon does. */
export function startServer(app: Hono): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            // Open event streams would otherwise keep close() waiting forever.
            (server as Server).closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
