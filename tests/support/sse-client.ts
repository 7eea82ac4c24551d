/**
 * A small server-sent-events client for tests: a frame parser that follows the SSE spec's line rules
 * (CRLF, CR or LF; `:` comments; one optional space after the colon; multi-line `data`), and
 * `openSse()` that reads frames from a real HTTP response through the global fetch.
 */

/** One blank-line-terminated block. Unlike a browser, comment-only blocks (heartbeats) are kept. */
export interface SseFrame {
  event?: string;
  id?: string;
  data?: string;
  retry?: number;
  comments: string[];
}

export interface SseParser {
  /** Feeds decoded text; returns the frames it completed. */
  push(text: string): SseFrame[];
}

export function createSseParser(): SseParser {
  let line = '';
  // After a "\r", a "\n" (maybe in the next chunk) completes the same "\r\n" line ending.
  let skipLineFeed = false;
  let frame: SseFrame = { comments: [] };
  let started = false;

  function completeLine(): SseFrame | undefined {
    if (line === '') {
      if (!started) return undefined;
      const done = frame;
      frame = { comments: [] };
      started = false;
      return done;
    }
    started = true;
    if (line.startsWith(':')) {
      frame.comments.push(line.slice(1).replace(/^ /, ''));
      return undefined;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
    else if (field === 'event') frame.event = value;
    else if (field === 'id') frame.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) frame.retry = Number(value);
    return undefined;
  }

  return {
    push(text) {
      const frames: SseFrame[] = [];
      for (const char of text) {
        if (skipLineFeed && char === '\n') {
          skipLineFeed = false;
          continue;
        }
        skipLineFeed = char === '\r';
        if (char !== '\r' && char !== '\n') {
          line += char;
          continue;
        }
        const frame = completeLine();
        line = '';
        if (frame) frames.push(frame);
      }
      return frames;
    },
  };
}

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
