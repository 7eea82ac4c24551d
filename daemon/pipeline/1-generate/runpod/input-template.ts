import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../../config.js';
import { messageOf } from '../../../errors.js';

/**
 * RunPod workers disagree on their input shape, so the job input is a JSON template. A string that is
 * exactly `"{{name}}"` becomes the value itself (numbers stay numbers); `{{name}}` inside a longer
 * string is interpolated as text. Everything else is copied as is.
 */
export const TEMPLATE_PLACEHOLDERS = [
  'prompt',
  'negative_prompt',
  'width',
  'height',
  'steps',
  'guidance',
  'seed',
  'style',
  'lora_name',
  'lora_weight',
  // The request's lora_model_url, unchanged (often s3://, which a worker usually cannot read)...
  'lora_model_url',
  // ...and a URL it can fetch: the presigned HTTPS URL when presigning is on, else lora_model_url.
  'lora_download_url',
  'actor_id',
  'actor_name',
  'actor_description',
] as const;

export type TemplateValues = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string | number>;
export type InputTemplate = Record<string, unknown>;

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([a-z_]+)\s*\}\}$/;
const known = new Set<string>(TEMPLATE_PLACEHOLDERS);

export const DEFAULT_TEMPLATE_FILE = fileURLToPath(new URL('./default-input-template.json', import.meta.url));

/** Reads and checks a template file once at start-up; every placeholder must be known. */
export function loadInputTemplate(file = DEFAULT_TEMPLATE_FILE): InputTemplate {
  let template: unknown;
  try {
    template = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  RUNPOD_INPUT_TEMPLATE: cannot read ${file} as JSON (${messageOf(error)})`);
  }
  if (typeof template !== 'object' || template === null || Array.isArray(template)) {
    throw new ConfigError(
      `Invalid configuration:\n  RUNPOD_INPUT_TEMPLATE: Expected a JSON object in ${file} (the job's "input") but received ${Array.isArray(template) ? 'an array' : typeof template}`,
    );
  }
  const unknown = [...JSON.stringify(template).matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name));
  if (unknown.length) {
    throw new ConfigError(
      `Invalid configuration:\n  RUNPOD_INPUT_TEMPLATE: unknown placeholder(s) ${[...new Set(unknown)].map((n) => `{{${n}}}`).join(', ')} in ${file}; known: ${TEMPLATE_PLACEHOLDERS.join(', ')}`,
    );
  }
  return template as InputTemplate;
}

/** The job input: the template with every placeholder replaced. */
export function renderInputTemplate(template: InputTemplate, values: TemplateValues): InputTemplate {
  return render(template, values) as InputTemplate;
}

function render(node: unknown, values: TemplateValues): unknown {
  if (typeof node === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(node);
    if (whole) return values[whole[1] as keyof TemplateValues];
    return node.replace(PLACEHOLDER, (_, name: string) => String(values[name as keyof TemplateValues]));
  }
  if (Array.isArray(node)) return node.map((item) => render(item, values));
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, render(value, values)]));
  }
  return node;
}
