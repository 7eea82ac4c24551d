/**
 * Where JSON text stops being valid, as a line and column (1-based), so an error message can point at
 * the mistake without quoting the file: V8's own messages include a snippet of the text, which for a
 * file that was never meant to be a request could be anything (a key, a password).
 *
 * @returns undefined when the text is valid JSON or too deeply nested to scan.
 * @example locateJsonError('{\n  "a": 1,\n}') // { line: 3, column: 1, atEnd: false }
 */
export function locateJsonError(text: string): { line: number; column: number; atEnd: boolean } | undefined {
  const offset = errorOffset(text);
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), atEnd: offset >= text.length };
}

/**
 * Why the text is not JSON, by position only: V8's own message quotes the text, which is not ours to repeat.
 * @example describeJsonError('{"a": 1,') // 'it ends too early at line 1, column 9'
 */
export function describeJsonError(text: string): string {
  const location = locateJsonError(text);
  if (!location) return 'it does not parse';
  const { line, column, atEnd } = location;
  return `${atEnd ? 'it ends too early' : 'unexpected character'} at line ${line}, column ${column}`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** A recursive-descent scan of RFC 8259's grammar; throws the offset of the first character that does not fit. */
function errorOffset(text: string): number | undefined {
  let i = 0;
  const space = () => {
    while (' \t\n\r'.includes(text[i] ?? 'x')) i++;
  };
  const expect = (char: string) => {
    if (text[i] !== char) throw i;
    i++;
  };
  const sticky = (pattern: RegExp) => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) throw i;
    i = pattern.lastIndex;
  };
  const string = () => {
    expect('"');
    for (;;) {
      const char = text[i];
      if (char === undefined || char < ' ') throw i;
      if (char === '"') return void i++;
      if (char === '\\') sticky(ESCAPE);
      else i++;
    }
  };
  const list = (close: string, item: () => void) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] !== ',') return expect(close);
      i++;
    }
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === '{') {
      list('}', () => {
        space();
        string();
        space();
        expect(':');
        value();
      });
      return;
    }
    if (char === '[') {
      list(']', value);
      return;
    }
    if (char === '"') {
      string();
      return;
    }
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
    if (literal) i += literal.length;
    else sticky(NUMBER);
  };
  try {
    value();
    space();
    if (i < text.length) throw i;
    return undefined;
  } catch (thrown) {
    if (typeof thrown === 'number') return thrown;
    return undefined; // a stack overflow on absurd nesting: no location, still an error
  }
}
