/**
 * Query parameters that make a URL a credential: presigned S3/GCS/CloudFront/Azure URLs and tokens.
 * A worker error that echoes its input (python-requests: "404 Client Error … for url: https://…") would
 * otherwise publish a working presigned URL to anyone who can read a job.
 */
const SIGNED_PARAM =
  /([?&;]|%3F|%26)(x-amz-(?:signature|credential|security-token)|x-goog-(?:signature|credential)|awsaccesskeyid|signature|policy|key-pair-id|sig|token|access_token|id_token|api_key|apikey|key|password|secret|client_secret)(=|%3D)(?:(?!%26)[^&\s"'<>\\#,)\]])+/gi;
/** `user:password@` in a URL. */
const URL_PASSWORD = /(\/\/[^/\s:@"'<>\\]+:)[^@\s/"'<>\\]+@/g;
const BEARER = /\b(Bearer\s+)[\w\-.~+/]+=*/gi;

export const REDACTED = 'REDACTED';

/**
 * Replaces signed query values, URL passwords and bearer tokens in `text` by `REDACTED`, keeping the
 * rest (host, path, parameter names) so a message still says what failed.
 *
 * @example redactText('GET https://b.s3.amazonaws.com/x?X-Amz-Signature=ab12&v=1')
 * // 'GET https://b.s3.amazonaws.com/x?X-Amz-Signature=REDACTED&v=1'
 */
export function redactText(text: string): string {
  return text.replace(SIGNED_PARAM, `$1$2$3${REDACTED}`).replace(URL_PASSWORD, `$1${REDACTED}@`).replace(BEARER, `$1${REDACTED}`);
}

/**
 * `redactText` applied to every string inside `value` (objects and arrays are copied, not changed):
 * for a job's message, error and details before they are stored or served.
 */
export function redactSecrets<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactSecrets(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactSecrets(item)])) as T;
  }
  return value;
}
