import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** How long closing waits for answers still being written before it cuts the connections anyway. */
const DEFAULT_DRAIN_MS = 5000;

/**
 * An event stream never ends on its own, so closing does not wait for one. It is known by the request
 * (EventSource always sends this Accept header): @hono/node-server passes the response's headers to
 * writeHead, where getHeader() cannot see them.
 */
const asksForEventStream = (request: IncomingMessage) => (request.headers.accept ?? '').includes('text/event-stream');

/**
 * Tracks a server's in-flight responses and returns its closer. Closing stops accepting connections,
 * closes the idle ones, lets every response still being written finish (a job's 503 `shutting_down`
 * answer is written just as shutdown begins: cutting its connection first loses it), and only then
 * closes what is left: event streams, and anything still unfinished after `drainMs`.
 *
 * @param drainMs - the longest wait for unfinished answers; default 5000
 * @example const close = trackForGracefulClose(server); … await close();
 */
export function trackForGracefulClose(server: Server, drainMs = DEFAULT_DRAIN_MS): () => Promise<void> {
  const inFlight = new Set<ServerResponse>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (asksForEventStream(request)) return;
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
  });

  async function drained(): Promise<void> {
    const finished = Promise.all([...inFlight].map((response) => new Promise((resolve) => response.once('close', resolve))));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([finished, new Promise((resolve) => (timer = setTimeout(resolve, drainMs)))]);
    clearTimeout(timer);
  }

  return async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await drained();
    server.closeAllConnections();
    await closed;
  };
}
