/**
 * Characters a validation message may repeat back: letters, digits, space and `_ . , : / + @ -`. No
 * quotes, angle brackets, `&`, `?`, `=`, `%` or control characters, so a value echoed into an error
 * body, a log line or a page cannot carry markup, a signed query string or a forged log entry.
 */
const ECHOABLE = /^[A-Za-z0-9 _.,:/+@-]*$/;
/** Field names (JSON keys) repeated back: identifiers only. */
const ECHOABLE_NAME = /^[A-Za-z0-9_]{1,40}$/;

/**
 * What came, for the "but received …" part of a validation message, without repeating anything
 * hostile: a missing field, a type, a number, or a short string of harmless characters in quotes;
 * any other string only by its length.
 *
 * @param maxEcho - strings up to this many characters (default 60) may be repeated
 * @example describeValue('<script>') // 'a string of 8 characters (not repeated: it holds characters other than letters, digits, space and _.,:/+@-)'
 */
export function describeValue(value: unknown, maxEcho = 60): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    if (value.length > maxEcho) return `a string of ${value.length} characters`;
    if (!ECHOABLE.test(value))
      return `a string of ${value.length} characters (not repeated: it holds characters other than letters, digits, space and _.,:/+@-)`;
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}

/** A field name that came, e.g. an unknown key: itself when it is an identifier, else its length. */
export const describeName = (name: string): string => (ECHOABLE_NAME.test(name) ? name : `a field name of ${name.length} characters`);
