import { ConfigError, type Config } from '../../config.js';
import { createBuiltinGenerator } from './builtin-generator.js';
import type { Generator } from './generator.js';
import { loadInputTemplate } from './runpod/input-template.js';
import type { LoraPresigner } from './runpod/lora-presigner.js';

export interface GeneratorDeps {
  /** Replaces the presigner built from the AWS settings (e.g. one sharing the storage's S3 client). */
  presignLora?: LoraPresigner;
}

/**
 * The backend `config.generator` names, built once at start-up; a bad RUNPOD_INPUT_TEMPLATE stops
 * start-up with a ConfigError. A backend's client is imported only when it is the one named: the
 * AWS SDK that RunPod's LoRA presigning needs costs ~0.25 s of CPU to load, at every start.
 */
export async function createGenerator(config: Config, deps: GeneratorDeps = {}): Promise<Generator> {
  switch (config.generator) {
    case 'builtin':
      return createBuiltinGenerator();
    case 'runpod': {
      const { apiKey, endpointId, baseUrl, pollIntervalMs, timeoutMs, inputTemplateFile } = config.runpod;
      if (!apiKey || !endpointId) throw new ConfigError('Invalid configuration:\n  RUNPOD_API_KEY / RUNPOD_ENDPOINT_ID: required when GENERATOR=runpod');
      const template = loadInputTemplate(inputTemplateFile);
      const { createRunpodGenerator } = await import('./runpod/runpod-generator.js');
      return createRunpodGenerator({
        apiKey,
        endpointId,
        baseUrl,
        pollIntervalMs,
        timeoutMs,
        template,
        presignLora: deps.presignLora ?? (await defaultPresigner(config)),
      });
    }
    case 'a1111': {
      const { baseUrl, username, password, timeoutMs } = config.a1111;
      if (!baseUrl) throw new ConfigError('Invalid configuration:\n  A1111_BASE_URL: required when GENERATOR=a1111');
      const { createA1111Generator } = await import('./a1111/a1111-generator.js');
      return createA1111Generator({ baseUrl, username, password, timeoutMs });
    }
  }
}

/**
 * Presign s3:// LoRA URLs when AWS is configured (a key pair, or a bucket with the default credential
 * chain) and RUNPOD_PRESIGN_LORA is not false: a RunPod worker usually cannot read a private bucket.
 */
async function defaultPresigner(config: Config): Promise<LoraPresigner | undefined> {
  if (!config.runpod.presignLora || !(config.aws.accessKeyId || config.aws.bucket)) return undefined;
  const [{ createS3LoraPresigner }, { createS3Client }] = await Promise.all([import('./runpod/presign-lora.js'), import('../4-upload/s3-client.js')]);
  return createS3LoraPresigner(createS3Client(config.aws), config.runpod.loraAllowedPrefixes);
}
