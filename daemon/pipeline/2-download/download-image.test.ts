import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadImage } from './download-image.js';

const SIXTY_MB = 60 * 1024 * 1024;
const MAX_BYTES = 1024 * 1024;
const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#36c' } })
  .png()
  .toBuffer();

/** Writes up to 60 MB chunked, honouring backpressure, until the client goes away; resolves with bytes written. */
function streamUntilClosed(res: ServerResponse): Promise<number> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 0x89);
    let written = 0;
    let closed = false;
    res.on('close', () => {
      closed = true;
      resolve(written);
    });
    res.writeHead(200, { 'content-type': 'image/png' });
    const pump = () => {
      while (!closed && written < SIXTY_MB) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!closed) res.end();
    };
    pump();
  });
}

let streamed: Promise<number> | undefined;
const server = createServer((req, res) => {
  const { pathname: path, searchParams } = new URL(req.url ?? '/', 'http://x');
  if (path === '/poster.png') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(png);
  if (path === '/missing') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('no such result');
  if (path === '/html') return void res.writeHead(200, { 'content-type': 'image/png' }).end('<!DOCTYPE html><html><body>Expired</body></html>');
  if (path === '/declared-huge') return void res.writeHead(200, { 'content-type': 'image/png', 'content-length': 5_000_000 }).flushHeaders();
  if (path === '/chunked-huge') {
    streamed = streamUntilClosed(res);
    return;
  }
  if (path === '/no-headers') return;
  if (path === '/stalled-body') return void res.writeHead(200, { 'content-type': 'image/png' }).write(png.subarray(0, 8));
  if (path === '/redirect') return void res.writeHead(302, { location: '/poster.png' }).end();
  if (path === '/loop') return void res.writeHead(302, { location: `/loop?n=${Number(searchParams.get('n')) + 1}` }).end();
  res.writeHead(500).end();
});
let base = '';
const dispatcher = new Agent();
const options = { maxBytes: MAX_BYTES, timeoutMs: 5_000, dispatcher };

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await dispatcher.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('downloadImage over HTTP', () => {
  it('returns the bytes of a PNG, whatever its Content-Type', async () => {
    expect(Buffer.from(await downloadImage(`${base}/poster.png`, options))).toEqual(png);
  });

  it('follows a redirect to the image', async () => {
    expect(Buffer.from(await downloadImage(`${base}/redirect`, options))).toEqual(png);
  });

  it('follows redirects in a process that used the global fetch before loading undici', async () => {
    // Node's fetch installs its bundled undici as the global dispatcher, and this package then adopts it,
    // although its interceptors cannot drive that one. Only a fresh process shows the order that matters.
    const script = [
      `await (await fetch(${JSON.stringify(`${base}/poster.png`)})).arrayBuffer();`,
      `const { downloadImage } = await import(${JSON.stringify(new URL('./download-image.ts', import.meta.url).href)});`,
      `const { createPublicOnlyAgent } = await import(${JSON.stringify(new URL('./public-only-agent.ts', import.meta.url).href)});`,
      `const dispatcher = createPublicOnlyAgent(['127.0.0.1']);`,
      `const bytes = await downloadImage(${JSON.stringify(`${base}/redirect`)}, { maxBytes: 1 << 20, timeoutMs: 5000, dispatcher });`,
      'process.stdout.write(String(bytes.length));',
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    expect(Number(stdout)).toBe(png.length);
  });

  it('gives up after 5 redirects with the status in the message', async () => {
    await expect(downloadImage(`${base}/loop`, options)).rejects.toMatchObject({ code: 'download_failed', message: expect.stringContaining('HTTP 302') });
  });

  it('rejects a 404 with the status, and keeps a presigned query string out of the message', async () => {
    const error = await downloadImage(`${base}/missing?X-Amz-Signature=s3cr3t`, options).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'download_failed', message: expect.stringContaining('HTTP 404') });
    expect((error as Error).message).not.toContain('s3cr3t');
  });

  it('rejects an HTML page served as image/png by its magic bytes', async () => {
    await expect(downloadImage(`${base}/html`, options)).rejects.toMatchObject({
      code: 'invalid_image',
      message: expect.stringMatching(/^Expected an image .* but received \d+ bytes labelled image\/png starting with "<!DOCTYPE html>/),
    });
  });

  it('rejects an oversize Content-Length before reading the body', async () => {
    // The server never sends the body: only the header check can produce this message before the deadline.
    await expect(downloadImage(`${base}/declared-huge`, options)).rejects.toMatchObject({
      code: 'download_failed',
      message: expect.stringContaining('is 5000000 bytes, over the 1048576-byte'),
    });
  });

  it('stops reading a chunked body once it passes the limit, so the server never sends all 60 MB', async () => {
    await expect(downloadImage(`${base}/chunked-huge`, options)).rejects.toMatchObject({
      code: 'download_failed',
      message: expect.stringContaining('stopped reading after'),
    });
    expect(await streamed).toBeLessThan(SIXTY_MB / 2);
  });

  it.each(['/no-headers', '/stalled-body'])('times out when %s never finishes', async (path) => {
    await expect(downloadImage(`${base}${path}`, { ...options, timeoutMs: 300 })).rejects.toMatchObject({
      code: 'download_failed',
      message: expect.stringContaining('did not finish within 300 ms'),
    });
  });

  it("rethrows the caller's own abort reason", async () => {
    const reason = new Error('job cancelled');
    await expect(downloadImage(`${base}/no-headers`, { ...options, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  it('reports a refused connection as a download failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/x.png`;
    await new Promise((resolve) => closed.close(resolve));
    await expect(downloadImage(url, options)).rejects.toMatchObject({ code: 'download_failed', message: expect.stringContaining(url) });
  });
});

describe('downloadImage of other URLs', () => {
  it('decodes a base64 data: URI', async () => {
    expect(Buffer.from(await downloadImage(`data:image/png;base64,${png.toString('base64')}`, options))).toEqual(png);
  });

  it.each([
    ['a data: URI that is not an image', `data:image/png;base64,${Buffer.from('<html>').toString('base64')}`, 'invalid_image'],
    ['a data: URI that is not base64', 'data:image/png,%89PNG', 'download_failed'],
    ['a data: URI over the size limit', `data:image/png;base64,${'A'.repeat(2 * MAX_BYTES)}`, 'download_failed'],
    ['a file: URL', 'file:///etc/passwd', 'download_failed'],
    ['an ftp: URL', 'ftp://127.0.0.1/x.png', 'download_failed'],
    ['text that is not a URL', 'poster.png', 'download_failed'],
  ])('rejects %s', async (_name, url, code) => {
    await expect(downloadImage(url, options)).rejects.toMatchObject({ code });
  });
});
