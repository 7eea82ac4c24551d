import net, { type AddressInfo } from 'node:net';

export interface TcpProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Where to forward from now on (a port on 127.0.0.1). */
  setTarget(port: number): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP forwarder that counts connections: put in front of a server to see how often a
 * client connects to it, and started before the server exists (its target is set later), which breaks
 * the chicken-and-egg of two servers that each need the other's address.
 */
export async function startTcpProxy(): Promise<TcpProxy> {
  let target: number | undefined;
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connections += 1;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (target === undefined) return client.destroy();
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    // A refused or reset upstream resets the client too, as the real server's absence would.
    upstream.on('error', () => client.resetAndDestroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get connections() {
      return connections;
    },
    setTarget(next) {
      target = next;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
