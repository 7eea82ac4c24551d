import os from 'node:os';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import { parsePrivateAllowance } from './pipeline/2-download/private-allowance.js';

/**
 * The daemon's configuration, read and validated once at start. Nothing else reads `process.env`.
 * A bad value stops start-up with a message naming the variable.
 */

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().min(1);
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'Expected true or false' }).transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalString = z.string().trim().min(1).optional();
const url = z.url({ message: 'Expected an absolute http(s) URL' });
/** A comma-separated list; blanks between commas are ignored. */
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

// A bucket name as S3 allows it, then an optional key prefix.
const s3Prefix = z
  .string()
  .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/\S*)?$/, { message: 'Expected comma-separated s3://bucket/ or s3://bucket/prefix/ entries' });

const envSchema = z.object({
  PORT: port.default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  REQUESTS_DIR: z.string().min(1).default('./requests'),
  PUBLIC_BASE_URL: url.optional(),
  GENERATOR: z.enum(['builtin', 'runpod', 'a1111']).optional(),
  STORAGE: z.enum(['local', 's3', 'edge']).optional(),
  AWS_ACCESS_KEY: optionalString,
  AWS_ACCESS_SECRET: optionalString,
  AWS_REGION: z.string().min(1).default('us-west-1'),
  AWS_USER_IMAGES_BUCKET: optionalString,
  S3_ENDPOINT: url.optional(),
  S3_FORCE_PATH_STYLE: bool.optional(),
  S3_TIMEOUT_MS: positiveInt.default(30_000),
  S3_MAX_ATTEMPTS: positiveInt.max(10).default(4),
  API_TOKEN: z
    .string()
    .trim()
    .min(1)
    .regex(/^[\x21-\x7e]+$/, {
      message: 'Expected a token of printable ASCII without spaces: it travels in an "Authorization: Bearer <token>" header, which ends at the first space',
    })
    .optional(),
  ALLOW_UNAUTHENTICATED: bool.default(false),
  ALLOWED_HOSTS: list.default([]),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  SSE_MAX_CLIENTS: positiveInt.default(500),
  EDGE_URL: url.optional(),
  PUBLIC_MEDIA_BASE_URL: url.optional(),
  GENERATE_CONCURRENCY: positiveInt.optional(),
  ENCODE_CONCURRENCY: positiveInt.default(Math.max(1, os.availableParallelism())),
  UPLOAD_CONCURRENCY: positiveInt.default(8),
  // Generous: a 10,000-actor batch's records (and its retries) must outlive the batch.
  JOB_RETENTION_DAYS: positiveInt.max(3650).default(30),
  JOB_RETENTION_COUNT: positiveInt.default(50_000),
  VERSIONS_KEEP: positiveInt.max(10_000).default(20),
  PREVIEW_EXPIRY_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(24),
  MAX_DOWNLOAD_BYTES: positiveInt.default(50 * 1024 * 1024),
  DOWNLOAD_TIMEOUT_MS: positiveInt.default(60_000),
  DOWNLOAD_ALLOW_PRIVATE: list.default([]).superRefine((entries, ctx) => {
    try {
      parsePrivateAllowance(entries);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
  MAX_INPUT_PIXELS: positiveInt.default(64 * 1024 * 1024),
  WEBP_EFFORT: z.coerce.number().int().min(0).max(6).default(6),
  // libuv reads it itself when its threadpool starts, before any of our code runs (the npm scripts set it); validated here.
  UV_THREADPOOL_SIZE: positiveInt.max(1024).default(4),
  BODY_LIMIT_BYTES: positiveInt.default(64 * 1024),
  SSE_HEARTBEAT_MS: positiveInt.default(15_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RUNPOD_API_KEY: optionalString,
  RUNPOD_ENDPOINT_ID: optionalString,
  RUNPOD_BASE_URL: url.default('https://api.runpod.ai/v2'),
  RUNPOD_POLL_INTERVAL_MS: positiveInt.default(1000),
  RUNPOD_TIMEOUT_MS: positiveInt.default(10 * 60_000),
  RUNPOD_INPUT_TEMPLATE: optionalString,
  RUNPOD_PRESIGN_LORA: bool.default(true),
  LORA_ALLOWED_PREFIXES: list.pipe(z.array(s3Prefix)).optional(),
  A1111_BASE_URL: url.optional(),
  A1111_USERNAME: optionalString,
  A1111_PASSWORD: optionalString,
  A1111_TIMEOUT_MS: positiveInt.default(10 * 60_000),
});

type Env = z.infer<typeof envSchema>;

/** Variables whose value a message must not repeat. */
const SECRETS = new Set(['API_TOKEN', 'AWS_ACCESS_SECRET', 'RUNPOD_API_KEY', 'A1111_PASSWORD']);
const LOOPBACK_HOST = /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  actorsFile: string;
  requestsDir: string;
  /** Base of the URLs local storage hands out, without a trailing slash; by default the daemon's own address. */
  publicBaseUrl?: string;
  generator: 'builtin' | 'runpod' | 'a1111';
  storage: 'local' | 's3' | 'edge';
  /** The edge Worker's origin: the daemon pushes its events to its hub and publishes the actors snapshot. */
  edgeUrl?: string;
  /** Base of public poster URLs for S3 and edge storage (no trailing slash), e.g. the Worker's /media. */
  publicMediaBaseUrl?: string;
  aws: {
    accessKeyId?: string;
    secretAccessKey?: string;
    region: string;
    bucket?: string;
    endpoint?: string;
    forcePathStyle: boolean;
    /** Per request: connecting, and the whole request once sent; a hung S3 is retried, then fails. */
    timeoutMs: number;
    /** Tries per request (the first included) on 5xx, SlowDown, resets and timeouts, with backoff. */
    maxAttempts: number;
  };
  apiToken?: string;
  security: {
    /** Names the Host header may carry: localhost, 127.0.0.1, ::1, HOST, PUBLIC_BASE_URL's host, ALLOWED_HOSTS. */
    allowedHosts: string[];
    /** HOST is a wildcard (0.0.0.0, ::): any IP address is also a valid Host. */
    anyIpAddressHost: boolean;
    /** Mutating requests per client per minute; 0 turns the limit off. */
    rateLimitPerMinute: number;
    sseMaxClients: number;
  };
  /** Finished job records are forgotten past either limit (JOB_RETENTION_DAYS, JOB_RETENTION_COUNT). */
  jobRetention: { maxAgeMs: number; maxCount: number };
  /**
   * Poster versions kept per actor (VERSIONS_KEEP; the current one and undecided previews are never
   * pruned), and how long a preview may stay undecided before it is discarded (PREVIEW_EXPIRY_HOURS).
   */
  versions: { keep: number; previewExpiryMs: number };
  /** `generate` undefined: follow the backend's workers (see createStageLimits). */
  concurrency: { generate?: number; encode: number; upload: number };
  limits: { downloadBytes: number; downloadTimeoutMs: number; inputPixels: number; bodyBytes: number };
  /** Host names, addresses and CIDRs the download stage may fetch from although they are not public. */
  downloadAllowPrivate: string[];
  /** WebP effort 0–6 for the three sizes: higher is smaller and slower (the seed's 6 by default). */
  webpEffort: number;
  /** libuv's threadpool size in force (UV_THREADPOOL_SIZE; libuv's default 4): sharp's pipelines and file I/O share it. */
  threadpoolSize: number;
  sseHeartbeatMs: number;
  logLevel: Env['LOG_LEVEL'];
  runpod: {
    apiKey?: string;
    endpointId?: string;
    baseUrl: string;
    pollIntervalMs: number;
    timeoutMs: number;
    inputTemplateFile?: string;
    presignLora: boolean;
    /** The only s3:// locations the daemon presigns LoRAs from, each ending in "/" (LORA_ALLOWED_PREFIXES). */
    loraAllowedPrefixes: string[];
  };
  a1111: { baseUrl?: string; username?: string; password?: string; timeoutMs: number };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates `env` (normally `process.env`, after `.env` is loaded) into a Config, or throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const got = (name: string) => (SECRETS.has(name) ? `a ${present[name]?.length}-character value` : JSON.stringify(present[name]));
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${got(String(i.path[0]))})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const generator = e.GENERATOR ?? (e.RUNPOD_API_KEY && e.RUNPOD_ENDPOINT_ID ? 'runpod' : 'builtin');
  const storage = e.STORAGE ?? (e.AWS_USER_IMAGES_BUCKET ? 's3' : 'local');
  const require = (name: keyof Env, why: string) => {
    if (!e[name]) throw new ConfigError(`Invalid configuration:\n  ${name}: required ${why}`);
  };
  if (generator === 'runpod') {
    require('RUNPOD_API_KEY', 'when GENERATOR=runpod');
    require('RUNPOD_ENDPOINT_ID', 'when GENERATOR=runpod');
  }
  if (generator === 'a1111') require('A1111_BASE_URL', 'when GENERATOR=a1111');
  if (storage === 's3') require('AWS_USER_IMAGES_BUCKET', 'when STORAGE=s3');
  if (storage === 'edge') require('EDGE_URL', 'when STORAGE=edge');
  // The daemon proves itself to the edge with its API_TOKEN (the Worker's DAEMON_TOKEN secret).
  if (e.EDGE_URL) require('API_TOKEN', "when EDGE_URL is set (the edge Worker's DAEMON_TOKEN)");
  if (e.EDGE_URL && storage === 'local') {
    throw new ConfigError(
      'Invalid configuration:\n  STORAGE: the edge serves posters and actors from its bucket, so EDGE_URL needs STORAGE=edge (or s3 against that R2 bucket), not local',
    );
  }
  if (Boolean(e.AWS_ACCESS_KEY) !== Boolean(e.AWS_ACCESS_SECRET)) {
    throw new ConfigError('Invalid configuration:\n  AWS_ACCESS_KEY / AWS_ACCESS_SECRET: set both, or neither to use the AWS default credential chain');
  }
  const wildcardHost = e.HOST === '0.0.0.0' || e.HOST === '::';
  if (!LOOPBACK_HOST.test(e.HOST) && !e.API_TOKEN && !e.ALLOW_UNAUTHENTICATED) {
    throw new ConfigError(
      `Invalid configuration:\n  API_TOKEN: required when HOST=${e.HOST} (not a loopback address): anyone who can reach the daemon could otherwise start GPU jobs and replace posters. Set API_TOKEN, listen on 127.0.0.1, or set ALLOW_UNAUTHENTICATED=true if something in front of the daemon authenticates`,
    );
  }
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const edgeUrl = e.EDGE_URL?.replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    actorsFile: path.join(dataDir, 'actorsData.json'),
    requestsDir: path.resolve(cwd, e.REQUESTS_DIR),
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    generator,
    storage,
    edgeUrl,
    publicMediaBaseUrl: e.PUBLIC_MEDIA_BASE_URL?.replace(/\/+$/, '') ?? (storage === 'edge' ? `${edgeUrl}/media` : undefined),
    aws: {
      accessKeyId: e.AWS_ACCESS_KEY,
      secretAccessKey: e.AWS_ACCESS_SECRET,
      region: e.AWS_REGION,
      bucket: e.AWS_USER_IMAGES_BUCKET,
      endpoint: e.S3_ENDPOINT,
      forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
      timeoutMs: e.S3_TIMEOUT_MS,
      maxAttempts: e.S3_MAX_ATTEMPTS,
    },
    apiToken: e.API_TOKEN,
    security: {
      allowedHosts: [
        ...new Set([
          'localhost',
          '127.0.0.1',
          '::1',
          ...(wildcardHost ? [] : [e.HOST]),
          ...(e.PUBLIC_BASE_URL ? [new URL(e.PUBLIC_BASE_URL).hostname] : []),
          ...e.ALLOWED_HOSTS,
        ]),
      ],
      anyIpAddressHost: wildcardHost,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      sseMaxClients: e.SSE_MAX_CLIENTS,
    },
    jobRetention: { maxAgeMs: e.JOB_RETENTION_DAYS * 24 * 3600_000, maxCount: e.JOB_RETENTION_COUNT },
    versions: { keep: e.VERSIONS_KEEP, previewExpiryMs: Math.round(e.PREVIEW_EXPIRY_HOURS * 3600_000) },
    concurrency: { generate: e.GENERATE_CONCURRENCY, encode: e.ENCODE_CONCURRENCY, upload: e.UPLOAD_CONCURRENCY },
    limits: {
      downloadBytes: e.MAX_DOWNLOAD_BYTES,
      downloadTimeoutMs: e.DOWNLOAD_TIMEOUT_MS,
      inputPixels: e.MAX_INPUT_PIXELS,
      bodyBytes: e.BODY_LIMIT_BYTES,
    },
    downloadAllowPrivate: e.DOWNLOAD_ALLOW_PRIVATE,
    webpEffort: e.WEBP_EFFORT,
    threadpoolSize: e.UV_THREADPOOL_SIZE,
    sseHeartbeatMs: e.SSE_HEARTBEAT_MS,
    logLevel: e.LOG_LEVEL,
    runpod: {
      apiKey: e.RUNPOD_API_KEY,
      endpointId: e.RUNPOD_ENDPOINT_ID,
      baseUrl: e.RUNPOD_BASE_URL.replace(/\/+$/, ''),
      pollIntervalMs: e.RUNPOD_POLL_INTERVAL_MS,
      timeoutMs: e.RUNPOD_TIMEOUT_MS,
      inputTemplateFile: e.RUNPOD_INPUT_TEMPLATE ? path.resolve(cwd, e.RUNPOD_INPUT_TEMPLATE) : undefined,
      presignLora: e.RUNPOD_PRESIGN_LORA,
      // A prefix ends at a "/", so s3://b/models cannot also allow s3://b/models-of-others/.
      loraAllowedPrefixes: (e.LORA_ALLOWED_PREFIXES ?? (e.AWS_USER_IMAGES_BUCKET ? [`s3://${e.AWS_USER_IMAGES_BUCKET}/`] : [])).map((prefix) =>
        prefix.endsWith('/') ? prefix : `${prefix}/`,
      ),
    },
    a1111: { baseUrl: e.A1111_BASE_URL?.replace(/\/+$/, ''), username: e.A1111_USERNAME, password: e.A1111_PASSWORD, timeoutMs: e.A1111_TIMEOUT_MS },
  };
}

/** The address the daemon answers on once listening on `port` (which differs from config.port when that is 0). */
export function listenUrl(config: Pick<Config, 'host'>, port: number): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Loads `.env` (when present; variables already set win) and validates the environment. */
export function configFromEnvironment(): Config {
  dotenv.config({ quiet: true });
  return loadConfig(process.env);
}
