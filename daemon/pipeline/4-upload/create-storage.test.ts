import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createStorage } from './create-storage.js';

describe('createStorage', () => {
  it('picks local files under DATA_DIR/media by default, with relative URLs whatever the port', async () => {
    for (const PORT of ['8787', '18787']) {
      const storage = await createStorage(loadConfig({ DATA_DIR: '/srv/posterframe', PORT }));
      expect(storage.kind).toBe('local');
      expect(storage.publicUrls('a/b.webp')).toEqual({ accelerated: '/media/a/b.webp', standard: '/media/a/b.webp' });
    }
  });

  it('puts PUBLIC_BASE_URL in front of local URLs when it is set', async () => {
    const storage = await createStorage(loadConfig({ PUBLIC_BASE_URL: 'https://posters.example.com/app/' }));
    expect(storage.publicUrls('a/b.webp').standard).toBe('https://posters.example.com/app/media/a/b.webp');
  });

  it('picks S3 when a bucket is configured', async () => {
    const storage = await createStorage(loadConfig({ AWS_USER_IMAGES_BUCKET: 'posters', AWS_REGION: 'eu-west-2' }));
    expect(storage.kind).toBe('s3');
    expect(storage.publicUrls('a/b.webp')).toEqual({
      accelerated: 'https://posters.s3-accelerate.amazonaws.com/a/b.webp',
      standard: 'https://posters.s3.eu-west-2.amazonaws.com/a/b.webp',
    });
  });

  it('addresses an S3-compatible server path-style', async () => {
    const storage = await createStorage(loadConfig({ STORAGE: 's3', AWS_USER_IMAGES_BUCKET: 'posters', S3_ENDPOINT: 'http://127.0.0.1:4568' }));
    expect(storage.publicUrls('a/b.webp').standard).toBe('http://127.0.0.1:4568/posters/a/b.webp');
  });

  it('hands out PUBLIC_MEDIA_BASE_URL URLs for an R2 bucket behind S3_ENDPOINT, whose own URLs readers cannot fetch', async () => {
    const storage = await createStorage(
      loadConfig({
        AWS_USER_IMAGES_BUCKET: 'posterframe',
        S3_ENDPOINT: 'https://acc.r2.cloudflarestorage.com',
        PUBLIC_MEDIA_BASE_URL: 'https://edge.example.com/media',
      }),
    );
    expect(storage.kind).toBe('s3');
    expect(storage.publicUrls('a/b c.webp')).toEqual({
      accelerated: 'https://edge.example.com/media/a/b%20c.webp',
      standard: 'https://edge.example.com/media/a/b%20c.webp',
    });
  });

  it("picks the edge Worker's bucket with STORAGE=edge, its URLs under the Worker's /media", async () => {
    const storage = await createStorage(loadConfig({ STORAGE: 'edge', EDGE_URL: 'https://edge.example.com', API_TOKEN: 't' }));
    expect(storage.kind).toBe('edge');
    expect(storage.publicUrls('a/b.webp').standard).toBe('https://edge.example.com/media/a/b.webp');
  });
});
