import { z } from 'zod';
import type { RegenerateRequest, RequestFile } from './api-types.js';

/**
 * Actor names become S3 keys and file names, so only a conservative alphabet passes:
 * no slashes, dots-only segments, spaces or control characters can reach a path.
 */
export const ACTOR_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export const actorNameSchema = z
  .string({ error: (i) => `Expected a string for actor_name but received ${typeof i.input}` })
  .regex(ACTOR_NAME_PATTERN, {
    message: 'Expected actor_name of 1-128 letters, digits, "_" or "-" (starting with a letter or digit)',
  });

const loraUrlSchema = z
  .string({ error: (i) => `Expected a string for lora_model_url but received ${typeof i.input}` })
  .max(2048)
  .regex(/^(s3|https?):\/\/[^\s]+$/, { message: 'Expected lora_model_url to be an s3://, http:// or https:// URL' });

export const generationParamsSchema = z
  .object({
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    steps: z.number().int().min(1).max(150).optional(),
    guidance: z.number().min(0).max(30).optional(),
    style: z.string().max(64).optional(),
    negative_prompt: z.string().max(2000).optional(),
    lora_weight: z.number().min(0).max(2).optional(),
  })
  .strict();

export const regenerateRequestSchema = z
  .object({
    actor_name: actorNameSchema,
    lora_model_url: loraUrlSchema,
    actor_description: z.string().max(2000).optional(),
    params: generationParamsSchema.optional(),
    mode: z.enum(['publish', 'preview']).optional(),
  })
  .strict();

export const requestFileSchema = regenerateRequestSchema
  .extend({
    actor_id: z.union([z.string().min(1).max(128), z.number().int()]),
  })
  .strict();

/** Field-level problems, as returned in `details` of a 400 / `*.error.json`. */
export interface FieldIssue {
  field: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

function toIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(body)',
    message: issue.code === 'unrecognized_keys' ? `Unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error) };
}

export const parseRegenerateRequest = (input: unknown): Parsed<RegenerateRequest> =>
  parseWith(regenerateRequestSchema, input);

export const parseRequestFile = (input: unknown): Parsed<RequestFile> => parseWith(requestFileSchema, input);
