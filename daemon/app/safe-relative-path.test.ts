import { describe, expect, it } from 'vitest';
import { safeRelativePath } from './safe-relative-path.js';

describe('safeRelativePath', () => {
  it.each([
    ['actors/a/poster_frame/a_poster_sm.webp', 'actors/a/poster_frame/a_poster_sm.webp'],
    ['actors/a%20b/x.webp', 'actors/a b/x.webp'],
    ['index.html', 'index.html'],
  ])('accepts %j as %j', (encoded, decoded) => {
    expect(safeRelativePath(encoded)).toBe(decoded);
  });

  it.each([
    ['empty', ''],
    ['a parent segment', 'a/../b'],
    ['an encoded parent segment', 'a/%2e%2e%2fb'],
    ['a current segment', 'a/./b'],
    ['an absolute path', '/etc/passwd'],
    ['an encoded absolute path', '%2Fetc%2Fpasswd'],
    ['an empty segment', 'a//b'],
    ['a backslash', 'a%5C..%5Cb'],
    ['a NUL', 'a.webp%00.png'],
    ['a control character', 'a%0Ab'],
    ['a drive letter', 'C:%5Cwin.ini'],
    ['broken percent-encoding', 'a%E0%A4%A'],
  ])('rejects %s', (_case, encoded) => {
    expect(safeRelativePath(encoded)).toBeNull();
  });
});
