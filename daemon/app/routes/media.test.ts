import { describe, expect, it } from 'vitest';
import type { StoredObject } from '../../pipeline/4-upload/storage.js';
import { createApp } from '../create-app.js';
import { fakeDeps } from '../test-support/fake-deps.js';

const WEBP = new Uint8Array([0x52, 0x49, 0x46, 0x46, 4, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);
const KEY = 'actors/0001_european_20_female/poster_frame/0001_european_20_female_poster_sm.webp';

/** A media lookup over one stored object that records every key it is asked for. */
function recordingMedia(objects: Record<string, StoredObject> = { [KEY]: { body: WEBP, size: WEBP.length, contentType: 'image/webp' } }) {
  const keys: string[] = [];
  const media = async (key: string) => {
    keys.push(key);
    return objects[key] ?? null;
  };
  return { media, keys };
}

describe('GET /media/*', () => {
  it('serves the object with its content type, length and a long immutable cache', async () => {
    const { media } = recordingMedia();
    const res = await createApp(fakeDeps({ media })).request(`/media/${KEY}?v=abc123`);

    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/webp');
    expect(res.headers.get('Content-Length')).toBe(String(WEBP.length));
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(WEBP);
  });

  it('caches an unversioned URL only briefly: the canonical key is replaced by every regeneration', async () => {
    const { media } = recordingMedia();
    const res = await createApp(fakeDeps({ media })).request(`/media/${KEY}`);

    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300');
  });

  it('serves a streamed body', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(WEBP);
        controller.close();
      },
    });
    const { media } = recordingMedia({ 'a/b.webp': { body, size: WEBP.length, contentType: 'image/webp' } });
    const res = await createApp(fakeDeps({ media })).request('/media/a/b.webp');

    expect(new Uint8Array(await res.arrayBuffer())).toEqual(WEBP);
  });

  it('decodes the key from the path', async () => {
    const { media, keys } = recordingMedia();
    await createApp(fakeDeps({ media })).request('/media/actors/a%20b/x.webp');

    expect(keys).toEqual(['actors/a b/x.webp']);
  });

  it('answers 404 not_found for a missing object', async () => {
    const { media } = recordingMedia();
    const res = await createApp(fakeDeps({ media })).request('/media/actors/nobody/poster_frame/x.webp');

    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ success: false, error: 'not_found' });
  });

  it.each([
    '/media/..%2F..%2Fetc%2Fpasswd',
    '/media/actors/%2e%2e%2F%2e%2e%2Fsecret',
    '/media/actors/..%5C..%5Csecret',
    '/media/%5Cetc%5Cpasswd',
    '/media/actors/x.webp%00.png',
    '/media//etc/passwd',
    '/media/%2Fetc%2Fpasswd',
    '/media/C:%5Cwindows%5Cwin.ini',
    '/media/actors/%E0%A4%A',
    '/media/../data/actorsData.json',
    '/media/%2e%2e/data/actorsData.json',
  ])('never hands an escaping key to storage: %s', async (path) => {
    const { media, keys } = recordingMedia();
    const res = await createApp(fakeDeps({ media })).request(path);

    expect([400, 404]).toContain(res.status);
    expect(keys).toEqual([]);
  });

  it('is not routed when media is not local', async () => {
    const res = await createApp(fakeDeps()).request(`/media/${KEY}`);

    expect(res.status).toBe(404);
  });
});

describe('web UI assets', () => {
  function recordingAssets() {
    const paths: string[] = [];
    const assets = async (path: string) => {
      paths.push(path);
      return path === '/index.html' || path === '/app.js' ? new Response(`asset ${path}`) : null;
    };
    return { assets, paths };
  }

  it.each([
    ['/', 'asset /index.html'],
    ['/app.js', 'asset /app.js'],
  ])('GET %s serves %s', async (path, body) => {
    const { assets } = recordingAssets();
    const res = await createApp(fakeDeps({ assets })).request(path);

    expect(res.status).toBe(200);
    expect(await res.text()).toBe(body);
  });

  it('answers 404 for an asset that does not exist', async () => {
    const { assets } = recordingAssets();
    const res = await createApp(fakeDeps({ assets })).request('/missing.css');

    expect(res.status).toBe(404);
  });

  it.each(['/..%2Fpackage.json', '/%5C..%5Csecret', '/a/%2e%2e%2F%2e%2e%2Fsecret'])('never asks for an escaping asset path: %s', async (path) => {
    const { assets, paths } = recordingAssets();
    const res = await createApp(fakeDeps({ assets })).request(path);

    expect(res.status).toBe(404);
    expect(paths).toEqual([]);
  });

  it('does not send unknown /api paths to the assets', async () => {
    const { assets, paths } = recordingAssets();
    const res = await createApp(fakeDeps({ assets })).request('/api/unknown');

    expect(res.status).toBe(404);
    expect(paths).toEqual([]);
  });
});
