import { describe, expect, it } from 'vitest';
import { parseRegenerateRequest, parseRequestFile } from './request-schema.js';
import { STYLE_IDS } from './styles.js';

const VALID = { actor_id: 1, actor_name: '0001_a', lora_model_url: 's3://bucket/models/0001_a.safetensors' };
const withParams = (params: unknown) => ({ ...VALID, params });
const STYLE_EXPECTED = 'a style id of GET /api/styles (cinematic-portrait, studio-headshot, film-noir, golden-hour, vivid-editorial)';
const ZOD_DEFAULTS = /Invalid input|Too (big|small)|Invalid option|expected (string|number|int|object)/;

describe('request validation messages', () => {
  it.each<[string, unknown, string, string]>([
    [
      'actor_id',
      { actor_name: '0001_a', lora_model_url: VALID.lora_model_url },
      'an actor id (a string of 1-128 characters, or an integer)',
      'nothing (the field is missing)',
    ],
    ['actor_id', { ...VALID, actor_id: '' }, 'an actor id (a string of 1-128 characters, or an integer)', '""'],
    ['actor_id', { ...VALID, actor_id: 1.5 }, 'an actor id (a string of 1-128 characters, or an integer)', 'number 1.5'],
    ['actor_id', { ...VALID, actor_id: null }, 'an actor id (a string of 1-128 characters, or an integer)', 'null'],
    ['actor_name', { ...VALID, actor_name: 'a b' }, 'a name of 1-128 letters, digits, "_" or "-" (starting with a letter or digit)', '"a b"'],
    ['actor_name', { ...VALID, actor_name: 7 }, 'a name of 1-128 letters, digits, "_" or "-" (starting with a letter or digit)', 'number 7'],
    ['lora_model_url', { ...VALID, lora_model_url: 'ftp://x' }, 'an s3://, http:// or https:// URL of at most 2048 characters', '"ftp://x"'],
    [
      'lora_model_url',
      { ...VALID, lora_model_url: `s3://b/${'k'.repeat(3000)}` },
      'an s3://, http:// or https:// URL of at most 2048 characters',
      'a string of 3007 characters',
    ],
    ['actor_description', { ...VALID, actor_description: ['x'] }, 'a string of at most 2000 characters', 'an array'],
    ['params', withParams('fast'), 'an object of generation parameters', '"fast"'],
    ['params.seed', withParams({ seed: -3 }), 'an integer from 0 to 4294967295', 'number -3'],
    ['params.steps', withParams({ steps: 'many' }), 'an integer from 1 to 150', '"many"'],
    ['params.guidance', withParams({ guidance: 99 }), 'a number from 0 to 30', 'number 99'],
    ['params.style', withParams({ style: 1 }), STYLE_EXPECTED, 'number 1'],
    ['params.style', withParams({ style: 'noir' }), STYLE_EXPECTED, '"noir"'],
    ['params.negative_prompt', withParams({ negative_prompt: 'x'.repeat(2001) }), 'a string of at most 2000 characters', 'a string of 2001 characters'],
    ['params.lora_weight', withParams({ lora_weight: true }), 'a number from 0 to 2', 'boolean true'],
    ['mode', { ...VALID, mode: 'draft' }, '"publish" or "preview"', '"draft"'],
  ])('%s: says what is expected and what came (%j)', (field, input, expected, received) => {
    const parsed = parseRequestFile(input);
    expect(parsed).toEqual({ ok: false, issues: [{ field, message: `Expected ${expected} for ${field} but received ${received}` }] });
  });

  it.each<[string, unknown, string]>([
    ['a number', 5, 'Expected a JSON object for the request body but received number 5'],
    ['an array', [], 'Expected a JSON object for the request body but received an array'],
    ['an unknown field', { ...VALID, colour: 'red' }, 'Expected only the documented fields in the request body but received unknown field(s): colour'],
  ])('describes a body that is %s', (_case, input, message) => {
    expect(parseRequestFile(input)).toEqual({ ok: false, issues: [{ field: '(body)', message }] });
  });

  it('never repeats a hostile value or field name in details, only describes it', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const parsed = parseRequestFile({ ...VALID, actor_name: hostile, [hostile]: 1 });
    expect(parsed.ok).toBe(false);
    const messages = JSON.stringify(parsed);
    expect(messages).not.toContain('<img');
    expect(messages).toContain('Expected only the documented fields in the request body but received unknown field(s): a field name of 28 characters');
    expect(messages).toContain('for actor_name but received a string of 28 characters (not repeated');
  });

  it.each(STYLE_IDS)('accepts the style %s', (style) => {
    expect(parseRequestFile(withParams({ style }))).toEqual({ ok: true, value: withParams({ style }) });
  });

  it("never passes on zod's default wording, for any field of either schema", () => {
    const everythingWrong = {
      actor_name: 1,
      lora_model_url: 2,
      actor_description: 3,
      params: { seed: 'x', steps: 'x', guidance: 'x', style: 2, negative_prompt: 3, lora_weight: 'x' },
      mode: 4,
    };
    for (const parsed of [parseRegenerateRequest(everythingWrong), parseRequestFile({ ...everythingWrong, actor_id: {} })]) {
      expect(parsed.ok).toBe(false);
      for (const issue of parsed.ok ? [] : parsed.issues) expect(issue.message).not.toMatch(ZOD_DEFAULTS);
    }
  });
});
