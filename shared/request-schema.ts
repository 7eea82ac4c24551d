import { z } from 'zod';
import type { BatchRequest, RegenerateRequest, RequestFile } from './api-types.js';
import { describeName, describeValue } from './describe-value.js';
import { STYLE_IDS } from './styles.js';

/**
 * Actor names become S3 keys and file names, so only a conservative alphabet passes:
 * no slashes, dots-only segments, spaces or control characters can reach a path.
 */
export const ACTOR_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/**
 * Each schema's `error` names what the field expects; toIssues() turns it into the one message format,
 * `Expected <what> for <field> but received <what came>`, with the value that came described (never
 * repeated when it could carry markup or a secret: see describe-value.ts).
 */
const expecting = (what: string) => ({ error: () => what });

export const actorNameSchema = z.string(expecting('a name of 1-128 letters, digits, "_" or "-" (starting with a letter or digit)')).regex(ACTOR_NAME_PATTERN);

const loraUrlSchema = z
  .string(expecting('an s3://, http:// or https:// URL of at most 2048 characters'))
  .max(2048)
  .regex(/^(s3|https?):\/\/[^\s]+$/);

const text = (max: number) => z.string(expecting(`a string of at most ${max} characters`)).max(max);
const integer = (min: number, max: number) =>
  z
    .number(expecting(`an integer from ${min} to ${max}`))
    .int()
    .min(min)
    .max(max);
const decimal = (min: number, max: number) =>
  z
    .number(expecting(`a number from ${min} to ${max}`))
    .min(min)
    .max(max);

export const generationParamsSchema = z
  .object(
    {
      seed: integer(0, 2 ** 32 - 1).optional(),
      steps: integer(1, 150).optional(),
      guidance: decimal(0, 30).optional(),
      style: z.enum(STYLE_IDS, expecting(`a style id of GET /api/styles (${STYLE_IDS.join(', ')})`)).optional(),
      negative_prompt: text(2000).optional(),
      lora_weight: decimal(0, 2).optional(),
    },
    expecting('an object of generation parameters'),
  )
  .strict();

export const regenerateRequestSchema = z
  .object(
    {
      actor_name: actorNameSchema,
      lora_model_url: loraUrlSchema,
      actor_description: text(2000).optional(),
      params: generationParamsSchema.optional(),
      mode: z.enum(['publish', 'preview'], expecting('"publish" or "preview"')).optional(),
    },
    expecting('a JSON object'),
  )
  .strict();

const ACTOR_ID = 'an actor id (a string of 1-128 characters, or an integer)';
const actorIdSchema = z.union([z.string(expecting(ACTOR_ID)).min(1).max(128), z.number(expecting(ACTOR_ID)).int()], expecting(ACTOR_ID));

export const requestFileSchema = regenerateRequestSchema.extend({ actor_id: actorIdSchema }).strict();

/** Most actors one batch may name one by one; `"all"` has no limit. */
export const MAX_BATCH_ACTOR_IDS = 100_000;

const ACTOR_IDS = expecting(`"all" or an array of 1 to ${MAX_BATCH_ACTOR_IDS} actor ids`);

/** `POST /api/batches`, and a request file naming `actor_ids`. */
export const batchRequestSchema = z
  .object(
    {
      actor_ids: z.union([z.literal('all'), z.array(actorIdSchema, ACTOR_IDS).min(1, ACTOR_IDS).max(MAX_BATCH_ACTOR_IDS, ACTOR_IDS)], ACTOR_IDS),
      params: generationParamsSchema.optional(),
      mode: regenerateRequestSchema.shape.mode,
    },
    expecting('a JSON object'),
  )
  .strict();

/** Field-level problems, as returned in `details` of a 400 / `*.error.json`. */
export interface FieldIssue {
  field: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

function toIssues(error: z.ZodError): FieldIssue[] {
  const issues = error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(body)';
    const name = issue.path.length ? field : 'the request body';
    if (issue.code === 'unrecognized_keys') {
      return { field, message: `Expected only the documented fields in ${name} but received unknown field(s): ${issue.keys.map(describeName).join(', ')}` };
    }
    return { field, message: `Expected ${issue.message} for ${name} but received ${describeValue(issue.input)}` };
  });
  // A value can fail several checks of one field (too long and not a URL); each field is reported once.
  return issues.filter((issue, index) => issues.findIndex((other) => other.field === issue.field) === index);
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error) };
}

export const parseRegenerateRequest = (input: unknown): Parsed<RegenerateRequest> => parseWith(regenerateRequestSchema, input);

export const parseRequestFile = (input: unknown): Parsed<RequestFile> => parseWith(requestFileSchema, input);

export const parseBatchRequest = (input: unknown): Parsed<BatchRequest> => parseWith(batchRequestSchema, input);
