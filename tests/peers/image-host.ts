import type { ServerResponse } from 'node:http';
import { startHttpPeer } from './http-peer.js';

/** A route of the image host: fixed bytes, or a generated body of `size` bytes (for huge files). */
export type HostedFile = { contentType: string; body: Uint8Array } | { contentType: string; size: number; head: Uint8Array; declareLength?: boolean };

export interface ImageHost {
  /** `http://127.0.0.1:<port>` + path */
  url(path: string): string;
  close(): Promise<void>;
}

const CHUNK = new Uint8Array(1024 * 1024);

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

/** Writes `size` bytes (`head` then zeros) a megabyte at a time, stopping when the client hangs up. */
async function stream(res: ServerResponse, size: number, head: Uint8Array): Promise<void> {
  res.write(head);
  let left = size - head.length;
  while (left > 0 && !res.destroyed) {
    const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, left));
    left -= chunk.length;
    if (!res.write(chunk)) await drainedOrClosed(res);
  }
  res.end();
}

/** A loopback host for generated-image URLs: real files, HTML error pages, oversized bodies. */
export async function startImageHost(files: Record<string, HostedFile>): Promise<ImageHost> {
  const peer = await startHttpPeer(async (req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://host').pathname];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if ('body' in file) {
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.body.length }).end(file.body);
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType, ...(file.declareLength ? { 'content-length': file.size } : {}) });
    await stream(res, file.size, file.head);
  });
  return { url: (path) => `${peer.origin}${path}`, close: peer.close };
}
