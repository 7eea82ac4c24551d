import { describe, expect, it } from 'vitest';
import { redactSecrets, redactText } from './redact-secrets.js';

const PRESIGNED =
  'https://models.s3.us-west-1.amazonaws.com/0001.safetensors?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261202%2Fus-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261202T000000Z&X-Amz-Expires=900&X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE&X-Amz-Signature=0123456789abcdef&x-id=GetObject';

describe('redactText', () => {
  it('removes the credential, token and signature of a presigned S3 URL, keeping host, path and the other parameters', () => {
    const text = redactText(`404 Client Error: Not Found for url: ${PRESIGNED}`);
    expect(text).toBe(
      '404 Client Error: Not Found for url: https://models.s3.us-west-1.amazonaws.com/0001.safetensors?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=REDACTED&X-Amz-Date=20261202T000000Z&X-Amz-Expires=900&X-Amz-Security-Token=REDACTED&X-Amz-Signature=REDACTED&x-id=GetObject',
    );
  });

  it.each([
    ['CloudFront', 'https://d1.cloudfront.net/a.png?Expires=1&Signature=abc~def&Key-Pair-Id=K2', 'abc~def', 'K2'],
    ['Azure SAS', 'https://a.blob.core.windows.net/c/x?sv=2022&sig=Zm9v%2Bbar%3D', 'Zm9v', ''],
    ['GCS', 'https://storage.googleapis.com/b/o?X-Goog-Credential=svc%40p&X-Goog-Signature=9f9f', '9f9f', 'svc%40p'],
    ['a token parameter', 'https://hf.co/x.safetensors?token=hf_secret123', 'hf_secret123', ''],
    ['an HTML-escaped query', 'https://h/x?a=1&amp;Signature=s3cr3t', 's3cr3t', ''],
    ['a URL-encoded URL inside another', 'https://proxy/?u=https%3A%2F%2Fb%2Fx%3FX-Amz-Signature%3Dfeedface%26a%3D1', 'feedface', ''],
    ['a password in a URL', 'https://user:hunter2@host/x', 'hunter2', ''],
    ['a bearer token', 'sent Authorization: Bearer rpa_ABC.def', 'rpa_ABC.def', ''],
  ])('removes the secret of %s', (_name, text, secret, other) => {
    const redacted = redactText(text);
    expect(redacted).not.toContain(secret);
    if (other) expect(redacted).not.toContain(other);
    expect(redacted).toContain('REDACTED');
  });

  it('leaves URLs without secrets alone (poster URLs keep their ?v= version)', () => {
    const text = 'https://b.s3.us-west-1.amazonaws.com/actors/a/poster_frame/a_poster_lg.webp?v=3c3f8c56ae';
    expect(redactText(text)).toBe(text);
  });
});

describe('redactSecrets', () => {
  it('redacts every string in nested objects and arrays and keeps other values', () => {
    const details = { error_message: `for url: ${PRESIGNED}`, nested: [{ url: PRESIGNED, attempts: 3, ok: false }], none: null };
    const redacted = redactSecrets(details);
    expect(JSON.stringify(redacted)).not.toMatch(/0123456789abcdef|AKIAEXAMPLE|FwoGZXIvYXdzEXAMPLE/);
    expect(redacted.nested[0]).toMatchObject({ attempts: 3, ok: false });
    expect(redacted.none).toBeNull();
    expect(details.error_message).toContain('0123456789abcdef');
  });
});
