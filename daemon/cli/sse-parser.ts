/**
 * A server-sent-events frame parser that follows the SSE spec's line rules (CRLF, CR or LF; `:`
 * comments; one optional space after the colon; multi-line `data`). The CLI reads the daemon's
 * `/api/events` with it; the tests' SSE client too.
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
