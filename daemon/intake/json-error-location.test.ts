import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-error-location.js';

describe('locateJsonError', () => {
  it.each([
    ['{"actor_id": 7,', { line: 1, column: 16, atEnd: true }],
    ['{\n  "a": 1,\n}', { line: 3, column: 1, atEnd: false }],
    ['hello world', { line: 1, column: 1, atEnd: false }],
    ['{"a": secret}', { line: 1, column: 7, atEnd: false }],
    ['{"a": "x\u0001"}', { line: 1, column: 9, atEnd: false }],
    ['{"a": "\\q"}', { line: 1, column: 8, atEnd: false }],
    ['[1, 2] 3', { line: 1, column: 8, atEnd: false }],
    ['{"a": 01}', { line: 1, column: 8, atEnd: false }],
  ])('%j → %j', (text, location) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toEqual(location);
  });

  it.each(['{"a": [1, -2.5e3, true, false, null, {"b": "\\u00e9\\n"}]}', ' [] ', '"x"'])('finds nothing wrong in valid %j', (text) => {
    expect(locateJsonError(text)).toBeUndefined();
  });
});
