import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { mediaOrigins } from './app-security.js';

describe('mediaOrigins', () => {
  it.each([
    ['local storage at the daemon itself', {}, []],
    ['local storage behind PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'https://posters.example.com/pf/' }, ['https://posters.example.com']],
    [
      'S3 on AWS: the accelerated and standard hosts',
      { AWS_USER_IMAGES_BUCKET: 'pics', AWS_REGION: 'eu-west-2' },
      ['https://pics.s3-accelerate.amazonaws.com', 'https://pics.s3.eu-west-2.amazonaws.com'],
    ],
    ["edge storage: the Worker's /media", { STORAGE: 'edge', EDGE_URL: 'https://edge.example.com', API_TOKEN: 't' }, ['https://edge.example.com']],
    ['an S3-compatible endpoint', { AWS_USER_IMAGES_BUCKET: 'pics', S3_ENDPOINT: 'http://127.0.0.1:4568' }, ['http://127.0.0.1:4568']],
  ])('for %s', (_name, env, origins) => {
    expect(mediaOrigins(loadConfig(env))).toEqual(origins);
  });
});
