import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse-parser.js';

describe('createSseParser', () => {
  it('parses fields, multi-line data, comments and retry', () => {
    const frames = createSseParser().push('retry: 3000\n\n: heartbeat\n\nevent: job\nid: 7\ndata: {"a":1}\ndata:second\n\n');

    expect(frames).toEqual([{ retry: 3000, comments: [] }, { comments: ['heartbeat'] }, { event: 'job', id: '7', data: '{"a":1}\nsecond', comments: [] }]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('accepts %s line endings, even split across chunks', (_name, eol) => {
    const parser = createSseParser();
    const text = `event: actor${eol}data: x${eol}${eol}`;
    const frames = [...text].flatMap((char) => parser.push(char));

    expect(frames).toEqual([{ event: 'actor', data: 'x', comments: [] }]);
  });

  it('keeps an unfinished frame until its blank line arrives', () => {
    const parser = createSseParser();

    expect(parser.push('event: job\ndata: 1\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'job', data: '1', comments: [] }]);
  });
});
