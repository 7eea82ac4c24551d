import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3rver, type RunningS3rver } from '../../../tests/support/s3rver.js';
import { createS3Storage, type S3StorageOptions } from './s3-storage.js';
import type { Storage } from './storage.js';

const KEY = 'actors/0001_european_20_female/poster_frame/0001_european_20_female_poster_lg.webp';

let s3: RunningS3rver;
let options: S3StorageOptions;
let storage: Storage;
beforeAll(async () => {
  s3 = await startS3rver();
  options = { ...s3, forcePathStyle: true };
  storage = createS3Storage(options);
});
afterAll(() => s3?.close());

const bodyOf = async (key: string) => {
  const object = await storage.get(key);
  return object && Buffer.from(object.body as Uint8Array);
};

describe('S3 storage against s3rver', () => {
  it('reads back the exact bytes and content type it put', async () => {
    const body = randomBytes(200 * 1024);
    await storage.put(KEY, body, 'image/webp');
    const object = await storage.get(KEY);
    expect(object).toMatchObject({ size: body.length, contentType: 'image/webp' });
    expect(Buffer.from(object!.body as Uint8Array).equals(body)).toBe(true);
  });

  it('overwrites a key', async () => {
    await storage.put('overwrite/x.webp', new Uint8Array([1, 2]), 'image/webp');
    await storage.put('overwrite/x.webp', new Uint8Array([3]), 'image/webp');
    expect(await bodyOf('overwrite/x.webp')).toEqual(Buffer.from([3]));
  });

  it('copies server-side, keeping the content type, from a key that needs URL encoding', async () => {
    // A space, not "+": s3rver decodes x-amz-copy-source with decodeURI, which leaves %2B encoded.
    await storage.put('copy/from a b.webp', new Uint8Array([7, 8, 9]), 'image/webp');
    await storage.put('copy/to.webp', new Uint8Array([1]), 'image/png');
    await storage.copy('copy/from a b.webp', 'copy/to.webp');
    expect(await storage.get('copy/to.webp')).toMatchObject({ size: 3, contentType: 'image/webp' });
    expect(await bodyOf('copy/to.webp')).toEqual(Buffer.from([7, 8, 9]));
  });

  it('deletes keys, ignoring missing ones', async () => {
    await storage.put('delete/a.webp', new Uint8Array([1]), 'image/webp');
    await storage.put('delete/b.webp', new Uint8Array([2]), 'image/webp');
    await storage.delete(['delete/a.webp', 'delete/b.webp', 'delete/never.webp']);
    expect(await storage.get('delete/a.webp')).toBeNull();
    expect(await storage.get('delete/b.webp')).toBeNull();
  });

  it('gets null for a missing key', async () => {
    expect(await storage.get('missing/nothing.webp')).toBeNull();
  });

  it('serves an object at its path-style public URL', async () => {
    await storage.put('public/p.webp', new Uint8Array([5, 6]), 'image/webp');
    const { standard, accelerated } = storage.publicUrls('public/p.webp');
    expect(accelerated).toBe(`${s3.endpoint}/${s3.bucket}/public/p.webp`);
    const response = await fetch(standard);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([5, 6]));
  });

  it.each<[string, Partial<S3StorageOptions>, RegExp]>([
    ['a missing bucket', { bucket: 'no-such-bucket' }, /^S3 PutObject of a\/b\.webp in no-such-bucket failed: .*; check AWS_USER_IMAGES_BUCKET$/],
    ['an unknown access key', { accessKeyId: 'NOT-S3RVER' }, /^S3 PutObject of a\/b\.webp in posterframe-test failed: .*; check AWS_ACCESS_KEY$/],
  ])('reports %s as storage_failed with what to check', async (_name, change, message) => {
    const broken = createS3Storage({ ...options, ...change });
    await expect(broken.put('a/b.webp', new Uint8Array([1]), 'image/webp')).rejects.toMatchObject({
      code: 'storage_failed',
      message: expect.stringMatching(message),
    });
  });

  it('refuses a hostile key before sending anything', async () => {
    await expect(storage.put('../x.webp', new Uint8Array([1]), 'image/webp')).rejects.toThrow(TypeError);
  });
});

describe('S3 public URLs', () => {
  const aws = { bucket: 'my-bucket', region: 'us-west-1', forcePathStyle: false };

  it("uses the seed's accelerated and standard AWS forms when no endpoint is set", () => {
    expect(createS3Storage(aws).publicUrls(KEY)).toEqual({
      accelerated: `https://my-bucket.s3-accelerate.amazonaws.com/${KEY}`,
      standard: `https://my-bucket.s3.us-west-1.amazonaws.com/${KEY}`,
    });
  });

  it.each([
    ['path-style', { endpoint: 'http://minio.local:9000/', forcePathStyle: true }, 'http://minio.local:9000/my-bucket/a/b%20c.webp'],
    ['virtual-hosted', { endpoint: 'https://s3.example.com', forcePathStyle: false }, 'https://my-bucket.s3.example.com/a/b%20c.webp'],
  ])('points both forms at an S3-compatible endpoint, %s', (_name, change, url) => {
    expect(createS3Storage({ ...aws, ...change }).publicUrls('a/b c.webp')).toEqual({ accelerated: url, standard: url });
  });
});
