import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine } from './crc32-combine.js';

describe('crc32Combine', () => {
  it.each([
    [0, 0],
    [1, 0],
    [0, 7],
    [13, 1],
    [4096, 130_000],
    [70_000, 3],
  ])('gives the CRC-32 of %i bytes followed by %i bytes, as zlib computes it over both', (lengthA, lengthB) => {
    const a = randomBytes(lengthA);
    const b = randomBytes(lengthB);
    expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
  });

  it('chains over many parts to the CRC of the whole', () => {
    const parts = Array.from({ length: 50 }, (_, i) => randomBytes(i * 37));
    const combined = parts.reduce((crc, part) => crc32Combine(crc, crc32(part), part.length), 0);
    expect(combined).toBe(crc32(Buffer.concat(parts)));
  });
});
