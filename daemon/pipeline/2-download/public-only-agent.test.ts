import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadImage } from './download-image.js';
import { createPublicOnlyAgent } from './public-only-agent.js';

const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#c63' } })
  .png()
  .toBuffer();

// Dual-stack, so every spelling of loopback (IPv4, ::1, ::ffff:127.0.0.1) reaches it when allowed.
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/redirect') return void res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
  res.writeHead(200, { 'content-type': 'image/png' }).end(png);
});
let port = 0;
const options = (allowPrivate: string[] = []) => ({ maxBytes: 1 << 20, timeoutMs: 5000, dispatcher: createPublicOnlyAgent(allowPrivate) });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '::', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const LOOPBACK_FORMS: [string, (port: number) => string][] = [
  ['dotted 127.0.0.1', (p) => `http://127.0.0.1:${p}/poster.png`],
  ['decimal 2130706433', (p) => `http://2130706433:${p}/poster.png`],
  ['octal 0177.0.0.1', (p) => `http://0177.0.0.1:${p}/poster.png`],
  ['hex 0x7f000001', (p) => `http://0x7f000001:${p}/poster.png`],
  ['IPv4-mapped [::ffff:127.0.0.1]', (p) => `http://[::ffff:127.0.0.1]:${p}/poster.png`],
  ['IPv6 [::1]', (p) => `http://[::1]:${p}/poster.png`],
  ['unspecified 0.0.0.0', (p) => `http://0.0.0.0:${p}/poster.png`],
  ['a host name resolving to loopback (localhost)', (p) => `http://localhost:${p}/poster.png`],
];

describe('downloadImage through the public-only agent', () => {
  it.each(LOOPBACK_FORMS)('refuses %s, naming DOWNLOAD_ALLOW_PRIVATE', async (_form, url) => {
    await expect(downloadImage(url(port), options())).rejects.toMatchObject({
      code: 'download_failed',
      message: expect.stringMatching(/Refused to download the image from .*(loopback|unspecified) address.*DOWNLOAD_ALLOW_PRIVATE/),
    });
  });

  it('refuses by default, without a dispatcher of the caller', async () => {
    await expect(downloadImage(`http://127.0.0.1:${port}/poster.png`, { maxBytes: 1 << 20, timeoutMs: 5000 })).rejects.toMatchObject({
      message: expect.stringContaining('loopback address'),
    });
  });

  it.each(LOOPBACK_FORMS.filter(([form]) => !form.startsWith('unspecified')))('downloads %s once DOWNLOAD_ALLOW_PRIVATE names loopback', async (_form, url) => {
    const bytes = await downloadImage(url(port), options(['127.0.0.0/8', '::1']));
    expect(Buffer.from(bytes)).toEqual(png);
  });

  it.each([
    ['the cloud metadata service', 'http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['a private address', 'http://10.1.2.3/x.png', 'private'],
    ['an IPv6 unique-local address', 'http://[fd00::1]/x.png', 'private'],
    ['an IPv6 link-local address', 'http://[fe80::1]/x.png', 'link-local'],
    ['a CGNAT address', 'http://100.64.0.1/x.png', 'shared (CGNAT)'],
  ])('refuses %s before connecting', async (_name, url, kind) => {
    await expect(downloadImage(url, options())).rejects.toMatchObject({ message: expect.stringContaining(`a ${kind} address`) });
  });

  it('checks every redirect hop: an allowed host redirecting to loopback is refused', async () => {
    const allowed = options(['localhost']);
    expect(Buffer.from(await downloadImage(`http://localhost:${port}/poster.png`, allowed))).toEqual(png);
    const hop = encodeURIComponent(`http://127.0.0.1:${port}/poster.png`);
    await expect(downloadImage(`http://localhost:${port}/redirect?to=${hop}`, allowed)).rejects.toMatchObject({
      message: expect.stringContaining('Refused to download the image from 127.0.0.1'),
    });
  });
});

describe('createPublicOnlyAgent', () => {
  it.each(['300.1.2.3/8', '10.0.0.0/33', 'http://x', 'a b', '10.0.0.0/8/1', ''])('rejects the allowance entry %j', (entry) => {
    expect(() => createPublicOnlyAgent([entry])).toThrow(/^Expected comma-separated host names, IP addresses or CIDRs .* but received/);
  });
});
