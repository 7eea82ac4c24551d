import { PipelineError } from '../../../errors.js';
import type { GeneratedImage } from '../generator.js';

/**
 * Turns a COMPLETED job's `output` into an image. Workers differ, so every documented shape is accepted:
 * a URL string; `{image_url}`, `{url}` or `{image}`; `{images: [...]}` whose items are URLs, data URIs,
 * base64 strings or worker-comfyui items `{filename, type: "base64" | "s3_url", data}`; and arrays of
 * any of these (RunPod's own example output is `[{"image": "https://…", "seed": 46578}]`).
 * The first image found wins; a `seed` beside it is reported.
 *
 * @throws PipelineError('generation_failed') when there is no output or no image in it
 */
export function parseRunpodOutput(output: unknown): GeneratedImage {
  if (output === undefined || output === null) {
    throw new PipelineError('generation_failed', "The RunPod job completed without any output; check the worker's logs on RunPod");
  }
  const image = findImage(output);
  if (!image) {
    throw new PipelineError(
      'generation_failed',
      `Expected an image in the RunPod output (a URL, {image_url}, {url}, {image} or {images: [...]}) but received ${describe(output)}; check RUNPOD_INPUT_TEMPLATE matches the worker`,
    );
  }
  return image;
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function fromString(value: string): GeneratedImage | undefined {
  const text = value.trim();
  if (/^(https?:|data:)/i.test(text)) return { kind: 'url', url: text };
  const compact = text.replace(/\s+/g, '');
  // A real image is never a few bytes; short strings are more likely a status word than base64.
  if (compact.length >= 64 && BASE64.test(compact)) return { kind: 'bytes', bytes: new Uint8Array(Buffer.from(compact, 'base64')) };
  return undefined;
}

function findImage(node: unknown): GeneratedImage | undefined {
  if (typeof node === 'string') return fromString(node);
  if (Array.isArray(node)) return first(node);
  if (typeof node !== 'object' || node === null) return undefined;
  const record = node as Record<string, unknown>;
  const found = comfyItem(record) ?? first([record.image_url, record.url, record.image, record.images]);
  if (!found) return undefined;
  return typeof record.seed === 'number' ? { ...found, seed: record.seed } : found;
}

/** worker-comfyui: `{filename, type: "base64" | "s3_url", data}`. */
function comfyItem(record: Record<string, unknown>): GeneratedImage | undefined {
  if (typeof record.data !== 'string' || (record.type !== 'base64' && record.type !== 's3_url')) return undefined;
  return fromString(record.data);
}

function first(items: unknown[]): GeneratedImage | undefined {
  for (const item of items) {
    const image = item === undefined ? undefined : findImage(item);
    if (image) return image;
  }
  return undefined;
}

function describe(output: unknown): string {
  if (typeof output === 'object' && output !== null && !Array.isArray(output)) return `an object with keys ${Object.keys(output).join(', ') || '(none)'}`;
  const text = JSON.stringify(output);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
