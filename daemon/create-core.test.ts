import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/support/temp-dir.js';

const module = (name: string) => JSON.stringify(fileURLToPath(new URL(name, import.meta.url)));

/** The packages a fresh process has loaded after createCore with `env` (the vitest process has loaded everything). */
async function packagesLoaded(dataDir: string, env: Record<string, string>): Promise<string[]> {
  const script = `
    import { createRequire } from 'node:module';
    import { loadConfig } from ${module('./config.ts')};
    import { createCore } from ${module('./create-core.ts')};
    import { createLogger } from ${module('./logger.ts')};
    const core = await createCore(loadConfig(${JSON.stringify({ DATA_DIR: dataDir, ...env })}), createLogger('silent'));
    const packages = Object.keys(createRequire(import.meta.url).cache).map((file) => /node_modules\\/((@[^/]+\\/)?[^/]+)/.exec(file)?.[1]);
    await core.close(0);
    process.stdout.write(JSON.stringify([...new Set(packages)]));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
  return JSON.parse(stdout);
}

describe('createCore', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => dir.remove());

  it('loads the AWS SDK only when the configuration uses S3 (it costs ~0.25 s of CPU at every start)', async () => {
    expect(await packagesLoaded(dir.path, { GENERATOR: 'builtin', STORAGE: 'local' })).not.toContain('@aws-sdk/client-s3');
    expect(await packagesLoaded(dir.path, { STORAGE: 's3', AWS_USER_IMAGES_BUCKET: 'posters' })).toContain('@aws-sdk/client-s3');
  });

  it('loads the AWS SDK for RunPod only when LoRA presigning has AWS settings to use', async () => {
    const runpod = { GENERATOR: 'runpod', RUNPOD_API_KEY: 'key', RUNPOD_ENDPOINT_ID: 'endpoint', RUNPOD_BASE_URL: 'http://127.0.0.1:9' };
    expect(await packagesLoaded(dir.path, runpod)).not.toContain('@aws-sdk/client-s3');
    expect(await packagesLoaded(dir.path, { ...runpod, AWS_ACCESS_KEY: 'id', AWS_ACCESS_SECRET: 'secret' })).toContain('@aws-sdk/s3-request-presigner');
  });
});
