import { describe, expect, it } from 'vitest';
import { describeName, describeValue } from './describe-value.js';

describe('describeValue', () => {
  it.each<[string, unknown, string]>([
    ['a missing field', undefined, 'nothing (the field is missing)'],
    ['null', null, 'null'],
    ['an array', ['x'], 'an array'],
    ['an object', { a: 1 }, 'an object'],
    ['a number', -3, 'number -3'],
    ['a boolean', true, 'boolean true'],
    ['a short plain string', 'noir', '"noir"'],
    ['an s3 URL', 's3://bucket/models/x.safetensors', '"s3://bucket/models/x.safetensors"'],
    ['a long string', 'k'.repeat(61), 'a string of 61 characters'],
  ])('describes %s', (_case, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it.each([
    ['markup', '<img src=x onerror=alert(1)>'],
    ['a quote that would end the quoted value', 'a" injected="1'],
    ['a newline that would forge a log line', 'ok\n{"level":50,"msg":"forged"}'],
    ['a signed query string', 's3://b/k?X-Amz-Signature=abc123'],
    ['a terminal escape', '\u001b[31mred'],
    ['non-ASCII look-alikes', 'аdmin'],
  ])('never repeats %s, only its length', (_case, value) => {
    const described = describeValue(value);
    expect(described).toMatch(/^a string of \d+ characters/);
    expect(described).not.toContain(value);
    for (const risky of ['<', '>', '"', '\n', '\u001b', '?', '=']) expect(described).not.toContain(risky);
  });

  it('repeats up to maxEcho characters when asked', () => {
    const url = `s3://bucket/${'k'.repeat(100)}`;
    expect(describeValue(url)).toBe('a string of 112 characters');
    expect(describeValue(url, 300)).toBe(JSON.stringify(url));
  });
});

describe('describeName', () => {
  it.each([
    ['colour', 'colour'],
    ['__proto__', '__proto__'],
    ['<script>', 'a field name of 8 characters'],
    ['x'.repeat(41), 'a field name of 41 characters'],
  ])('%j → %j', (name, expected) => {
    expect(describeName(name)).toBe(expected);
  });
});
