import { ConfigError, type Config } from '../../config.js';
import { createS3Client } from '../4-upload/s3-client.js';
import { createA1111Generator } from './a1111/a1111-generator.js';
import { createBuiltinGenerator } from './builtin-generator.js';
import type { Generator } from './generator.js';
import { loadInputTemplate } from './runpod/input-template.js';
import { createS3LoraPresigner, type LoraPresigner } from './runpod/presign-lora.js';
import { createRunpodGenerator } from './runpod/runpod-generator.js';

export interface GeneratorDeps {
  /** Replaces the presigner built from the AWS settings (e.g. one sharing the storage's S3 client). */
  presignLora?: LoraPresigner;
}

/**
 * The backend `config.generator` names, built once at start-up; a bad RUNPOD_INPUT_TEMPLATE stops
 * start-up with a ConfigError.
 */
export function createGenerator(config: Config, deps: GeneratorDeps = {}): Generator {
  switch (config.generator) {
    case 'builtin':
      return createBuiltinGenerator();
    case 'runpod': {
      const { apiKey, endpointId, baseUrl, pollIntervalMs, timeoutMs, inputTemplateFile } = config.runpod;
      if (!apiKey || !endpointId) throw new ConfigError('Invalid configuration:\n  RUNPOD_API_KEY / RUNPOD_ENDPOINT_ID: required when GENERATOR=runpod');
      const template = loadInputTemplate(inputTemplateFile);
      return createRunpodGenerator({
        apiKey,
        endpointId,
        baseUrl,
        pollIntervalMs,
        timeoutMs,
        template,
        presignLora: deps.presignLora ?? defaultPresigner(config),
      });
    }
    case 'a1111': {
      const { baseUrl, username, password, timeoutMs } = config.a1111;
      if (!baseUrl) throw new ConfigError('Invalid configuration:\n  A1111_BASE_URL: required when GENERATOR=a1111');
      return createA1111Generator({ baseUrl, username, password, timeoutMs });
    }
  }
}

/**
 * Presign s3:// LoRA URLs when AWS is configured (a key pair, or a bucket with the default credential
 * chain) and RUNPOD_PRESIGN_LORA is not false: a RunPod worker usually cannot read a private bucket.
 */
function defaultPresigner(config: Config): LoraPresigner | undefined {
  if (!config.runpod.presignLora || !(config.aws.accessKeyId || config.aws.bucket)) return undefined;
  return createS3LoraPresigner(createS3Client(config.aws), config.runpod.loraAllowedPrefixes);
}
