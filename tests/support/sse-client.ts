/** A small server-sent-events client for tests: `openSse()` reads frames from a real HTTP response through the global fetch. */

import { createSseParser, type SseFrame } from '../../daemon/cli/sse-parser.js';

export { createSseParser, type SseFrame, type SseParser } from '../../daemon/cli/sse-parser.js';

export interface SseConnection {
  response: Response;
  /** The next frame; rejects when the stream ends first. */
  next(): Promise<SseFrame>;
  /** Reads frames until one matches, and returns it (the ones before are dropped). */
  nextMatching(predicate: (frame: SseFrame) => boolean): Promise<SseFrame>;
  /** Disconnects, as a closed browser tab would. */
  close(): Promise<void>;
}

/**
 * Opens an event stream.
 * @param lastEventId sent as the `Last-Event-ID` header, as a reconnecting EventSource does.
 * @example const sse = await openSse(`${base}/api/events`); const frame = await sse.next();
 */
export async function openSse(url: string, options: { lastEventId?: string } = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (options.lastEventId !== undefined) headers['Last-Event-ID'] = options.lastEventId;
  const response = await fetch(url, { headers, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`Expected an event stream from ${url} but received HTTP ${response.status}`);

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser();
  const ready: SseFrame[] = [];

  async function next(): Promise<SseFrame> {
    while (ready.length === 0) {
      const { done, value } = await reader.read();
      if (done) throw new Error(`The event stream from ${url} ended`);
      ready.push(...parser.push(value));
    }
    return ready.shift()!;
  }

  async function nextMatching(predicate: (frame: SseFrame) => boolean): Promise<SseFrame> {
    for (;;) {
      const frame = await next();
      if (predicate(frame)) return frame;
    }
  }

  async function close(): Promise<void> {
    controller.abort();
    await reader.cancel().catch(() => {});
  }

  return { response, next, nextMatching, close };
}
