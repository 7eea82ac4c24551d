import { describe, expect, it } from 'vitest';
import { ConfigError, listenUrl, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives the embedded defaults when nothing is set: builtin generator, local storage, 127.0.0.1:8787', () => {
    const config = loadConfig({}, '/srv/pf');
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/srv/pf/data',
      actorsFile: '/srv/pf/data/actorsData.json',
      requestsDir: '/srv/pf/requests',
      generator: 'builtin',
      storage: 'local',
      concurrency: { upload: 8 },
    });
    expect(config.concurrency.encode).toBeGreaterThanOrEqual(1);
    // Unset: the generate concurrency follows the backend's workers (RunPod /health).
    expect(config.concurrency.generate).toBeUndefined();
    expect(config.webpEffort).toBe(6);
    expect(config.jobRetention).toEqual({ maxAgeMs: 30 * 24 * 3600_000, maxCount: 50_000 });
    expect(config.versions).toEqual({ keep: 20, previewExpiryMs: 24 * 3600_000 });
    expect(loadConfig({ PREVIEW_EXPIRY_HOURS: '0.5', VERSIONS_KEEP: '3' }).versions).toEqual({ keep: 3, previewExpiryMs: 1_800_000 });
    expect(config.publicBaseUrl).toBeUndefined();
  });

  it('picks RunPod when its key and endpoint are set, and S3 when a bucket is set', () => {
    const config = loadConfig({ RUNPOD_API_KEY: 'k', RUNPOD_ENDPOINT_ID: 'e', AWS_USER_IMAGES_BUCKET: 'posters' });
    expect(config.generator).toBe('runpod');
    expect(config.storage).toBe('s3');
    expect(config.aws.bucket).toBe('posters');
  });

  it('lets GENERATOR and STORAGE override the automatic choice', () => {
    const config = loadConfig({ GENERATOR: 'builtin', STORAGE: 'local', RUNPOD_API_KEY: 'k', RUNPOD_ENDPOINT_ID: 'e', AWS_USER_IMAGES_BUCKET: 'b' });
    expect([config.generator, config.storage]).toEqual(['builtin', 'local']);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', AWS_USER_IMAGES_BUCKET: '' })).toMatchObject({ port: 8787, storage: 'local' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ GENERATOR: 'dalle' }, 'GENERATOR'],
    [{ STORAGE: 'ftp' }, 'STORAGE'],
    [{ PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL'],
    [{ S3_FORCE_PATH_STYLE: 'maybe' }, 'S3_FORCE_PATH_STYLE'],
    [{ S3_TIMEOUT_MS: '0' }, 'S3_TIMEOUT_MS'],
    [{ S3_MAX_ATTEMPTS: '50' }, 'S3_MAX_ATTEMPTS'],
    [{ GENERATE_CONCURRENCY: '0' }, 'GENERATE_CONCURRENCY'],
    [{ JOB_RETENTION_DAYS: '0' }, 'JOB_RETENTION_DAYS'],
    [{ JOB_RETENTION_COUNT: 'all' }, 'JOB_RETENTION_COUNT'],
    [{ VERSIONS_KEEP: '0' }, 'VERSIONS_KEEP'],
    [{ VERSIONS_KEEP: 'twenty' }, 'VERSIONS_KEEP'],
    [{ PREVIEW_EXPIRY_HOURS: '0' }, 'PREVIEW_EXPIRY_HOURS'],
    [{ PREVIEW_EXPIRY_HOURS: 'a day' }, 'PREVIEW_EXPIRY_HOURS'],
    [{ LORA_ALLOWED_PREFIXES: 'https://bucket/models/' }, 'LORA_ALLOWED_PREFIXES'],
    [{ LORA_ALLOWED_PREFIXES: 's3://ok-bucket/, s3://Bad_Bucket/' }, 'LORA_ALLOWED_PREFIXES'],
    [{ WEBP_EFFORT: '7' }, 'WEBP_EFFORT'],
    [{ WEBP_EFFORT: 'max' }, 'WEBP_EFFORT'],
    [{ UV_THREADPOOL_SIZE: '2000' }, 'UV_THREADPOOL_SIZE'],
    [{ GENERATOR: 'runpod' }, 'RUNPOD_API_KEY'],
    [{ GENERATOR: 'a1111' }, 'A1111_BASE_URL'],
    [{ STORAGE: 's3' }, 'AWS_USER_IMAGES_BUCKET'],
    [{ AWS_ACCESS_KEY: 'only-the-key' }, 'AWS_ACCESS_KEY'],
    [{ DOWNLOAD_ALLOW_PRIVATE: '127.0.0.1, http://10.0.0.1/' }, 'DOWNLOAD_ALLOW_PRIVATE'],
    [{ DOWNLOAD_ALLOW_PRIVATE: '10.0.0.0/40' }, 'DOWNLOAD_ALLOW_PRIVATE'],
    [{ API_TOKEN: 'two words' }, 'API_TOKEN'],
    [{ HOST: '0.0.0.0' }, 'API_TOKEN'],
    [{ HOST: '192.168.1.5' }, 'API_TOKEN'],
    [{ ALLOW_UNAUTHENTICATED: 'sure' }, 'ALLOW_UNAUTHENTICATED'],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ SSE_MAX_CLIENTS: '0' }, 'SSE_MAX_CLIENTS'],
    [{ EDGE_URL: 'edge.example.com', API_TOKEN: 't', STORAGE: 'edge' }, 'EDGE_URL'],
    [{ PUBLIC_MEDIA_BASE_URL: '/media' }, 'PUBLIC_MEDIA_BASE_URL'],
    [{ STORAGE: 'edge' }, 'EDGE_URL'],
    [{ EDGE_URL: 'https://edge.example.com', STORAGE: 'edge' }, 'API_TOKEN'],
    [{ EDGE_URL: 'https://edge.example.com', API_TOKEN: 't' }, 'STORAGE'],
  ])('rejects %j with a message naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('reads DOWNLOAD_ALLOW_PRIVATE as a list of hosts, addresses and CIDRs, empty by default', () => {
    expect(loadConfig({}).downloadAllowPrivate).toEqual([]);
    expect(loadConfig({ DOWNLOAD_ALLOW_PRIVATE: '127.0.0.1, minio.internal,,10.0.0.0/8' }).downloadAllowPrivate).toEqual([
      '127.0.0.1',
      'minio.internal',
      '10.0.0.0/8',
    ]);
  });

  it('refuses a token with a space at start, saying why, without repeating the token', () => {
    const start = () => loadConfig({ API_TOKEN: 'correct horse battery' });
    expect(start).toThrow(/API_TOKEN: Expected a token of printable ASCII without spaces.*Authorization: Bearer.*\(got a 21-character value\)/);
    expect(start).not.toThrow(/horse/);
  });

  it('requires API_TOKEN off loopback unless ALLOW_UNAUTHENTICATED=true, and not on loopback', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/API_TOKEN: required when HOST=0\.0\.0\.0 .*ALLOW_UNAUTHENTICATED=true/);
    expect(loadConfig({ HOST: '0.0.0.0', API_TOKEN: 's3cret' }).apiToken).toBe('s3cret');
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' }).apiToken).toBeUndefined();
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it("allows Host names: loopback names, HOST, PUBLIC_BASE_URL's host and ALLOWED_HOSTS; any IP address on a wildcard HOST", () => {
    expect(loadConfig({}).security).toEqual({
      allowedHosts: ['localhost', '127.0.0.1', '::1'],
      anyIpAddressHost: false,
      rateLimitPerMinute: 1200,
      sseMaxClients: 500,
    });
    const config = loadConfig({
      HOST: '0.0.0.0',
      API_TOKEN: 't',
      PUBLIC_BASE_URL: 'https://posters.example.com/pf',
      ALLOWED_HOSTS: 'pf.internal, other.example',
    });
    expect(config.security.allowedHosts).toEqual(['localhost', '127.0.0.1', '::1', 'posters.example.com', 'pf.internal', 'other.example']);
    expect(config.security.anyIpAddressHost).toBe(true);
    expect(loadConfig({ HOST: 'pf.lan', API_TOKEN: 't' }).security.allowedHosts).toContain('pf.lan');
  });

  it("serves edge storage's posters from the Worker's /media unless PUBLIC_MEDIA_BASE_URL says otherwise", () => {
    const edge = { EDGE_URL: 'https://edge.example.com/', API_TOKEN: 't', STORAGE: 'edge' };
    expect(loadConfig(edge)).toMatchObject({ storage: 'edge', edgeUrl: 'https://edge.example.com', publicMediaBaseUrl: 'https://edge.example.com/media' });
    expect(loadConfig({ ...edge, PUBLIC_MEDIA_BASE_URL: 'https://posters.example.com/' }).publicMediaBaseUrl).toBe('https://posters.example.com');
  });

  it('defaults S3 to path-style addressing when S3_ENDPOINT points at a compatible server', () => {
    const config = loadConfig({ AWS_USER_IMAGES_BUCKET: 'b', S3_ENDPOINT: 'http://127.0.0.1:4568' });
    expect(config.aws).toMatchObject({ endpoint: 'http://127.0.0.1:4568', forcePathStyle: true });
  });

  it.each<[Record<string, string>, string[]]>([
    [{}, []],
    [{ AWS_USER_IMAGES_BUCKET: 'posters' }, ['s3://posters/']],
    [{ AWS_USER_IMAGES_BUCKET: 'posters', LORA_ALLOWED_PREFIXES: 's3://models/loras, s3://other/' }, ['s3://models/loras/', 's3://other/']],
  ])('allows presigning LoRAs under the bucket, or under LORA_ALLOWED_PREFIXES when set (%o)', (env, prefixes) => {
    expect(loadConfig(env).runpod.loraAllowedPrefixes).toEqual(prefixes);
  });
});

describe('listenUrl', () => {
  it.each([
    ['127.0.0.1', 8787, 'http://127.0.0.1:8787'],
    ['0.0.0.0', 80, 'http://127.0.0.1:80'],
    ['::1', 9000, 'http://[::1]:9000'],
  ])('%s:%i answers at %s', (host, port, url) => {
    expect(listenUrl({ host }, port)).toBe(url);
  });
});
