import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { trackForGracefulClose } from './close-gracefully.js';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

/** A server whose `/slow` answer is written only when the test says so, after close has begun. */
async function startServer() {
  let entered!: () => void;
  const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
  let answer!: () => void;
  const answerNow = new Promise<void>((resolve) => (answer = resolve));
  server = createServer((request, response) => {
    if (request.url === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(': open\n\n');
      return;
    }
    entered();
    void answerNow.then(() => response.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"shutting_down"}'));
  });
  const close = trackForGracefulClose(server);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close, handlerEntered, answer };
}

describe('trackForGracefulClose', () => {
  it('lets an answer that is written after closing began reach the client', async () => {
    const { url, close, handlerEntered, answer } = await startServer();
    const response = fetch(`${url}/slow`);
    await handlerEntered;
    const closing = close();
    answer();
    const res = await response;
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'shutting_down' });
    await closing;
  });

  it('does not wait for an event stream, which never ends by itself', async () => {
    const { url, close } = await startServer();
    const stream = await fetch(`${url}/events`, { headers: { accept: 'text/event-stream' } });
    const reader = stream.body!.getReader();
    await reader.read();
    await close();
    const outcome = await reader.read().then(
      ({ done }) => (done ? 'ended' : 'more data'),
      () => 'cut',
    );
    expect(outcome).not.toBe('more data');
    expect(server!.listening).toBe(false);
  });
});
