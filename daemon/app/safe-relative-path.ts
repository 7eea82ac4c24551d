/**
 * Decodes a percent-encoded URL path remainder and returns it only when it is a plain relative path:
 * '/'-separated names, none of them empty, "." or "..", with no backslash, control character (NUL
 * included) or drive letter. Decoding comes first, so "%2e%2e%2f" or "%5c" cannot slip past the check.
 *
 * @returns the decoded path, or null when it could escape its root or is not valid percent-encoding.
 * @example safeRelativePath('actors/a%20b/x.webp') // 'actors/a b/x.webp'
 */
export function safeRelativePath(encoded: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
  if (path === '' || /[\\\u0000-\u001f\u007f]/.test(path) || /^[A-Za-z]:/.test(path)) return null;
  const segments = path.split('/');
  return segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..') ? path : null;
}

/** The undecoded path of a request URL (Hono's `c.req.path` is already partly decoded). */
export function rawPathOf(url: string): string {
  return new URL(url).pathname;
}
