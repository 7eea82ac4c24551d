import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does to one request instead of (or before) passing it on. */
export type Fault = { kind: 'status'; status: number; code: string } | { kind: 'reset' } | { kind: 'hang' };

/** What a rule sees of a request; `copySource` is set on CopyObject (S3's server-side copy). */
export interface ProxiedRequest {
  method: string;
  path: string;
  copySource?: string;
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: use it as S3_ENDPOINT. */
  origin: string;
  /** Faults for the next requests, one each, in order; then `always` (or pass-through). */
  next: Fault[];
  always?: Fault;
  /** Asked first for every request: a fault for the requests it picks (e.g. writes to one key), else undefined. */
  rule?: (request: ProxiedRequest) => Fault | undefined;
  /** Requests seen, with the fault each got. */
  log: { method: string; path: string; fault?: Fault['kind'] }[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of a real server (s3rver) that injects S3's failure modes: error
 * statuses with S3's XML error body (500 InternalError, 503 SlowDown), connection resets, and requests
 * that hang (read, never answered: a stalled S3 or a black-holed network, until the proxy closes).
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const proxy: FaultProxy = { origin: '', next: [], log: [], close: async () => {} };

  const pass = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = forward({ hostname, port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const copySource = req.headers['x-amz-copy-source'];
    const seen: ProxiedRequest = { method: req.method ?? '', path: req.url ?? '', ...(typeof copySource === 'string' ? { copySource } : {}) };
    const fault = proxy.rule?.(seen) ?? proxy.next.shift() ?? proxy.always;
    proxy.log.push({ method: req.method ?? '', path: req.url ?? '', fault: fault?.kind });
    if (!fault) return pass(req, res);
    req.resume();
    if (fault.kind === 'reset') return void req.socket.destroy();
    if (fault.kind === 'hang') return;
    const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${fault.code}</Code><Message>injected by the fault proxy</Message></Error>`;
    res.writeHead(fault.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
