import { describe, expect, it } from 'vitest';
import { loraNameFromUrl } from './lora-name.js';

describe('loraNameFromUrl', () => {
  it.each([
    ['s3://bucket/models/0001_european_20_female.safetensors', '0001_european_20_female'],
    ['https://cdn.example.com/loras/actor%20two.ckpt?X-Amz-Signature=abc', 'actor two'],
    ['https://cdn.example.com/loras/plain-name', 'plain-name'],
    ['s3://bucket/', 'fallback_actor'],
    ['not a url', 'fallback_actor'],
  ])('%s → %s', (url, name) => {
    expect(loraNameFromUrl(url, 'fallback_actor')).toBe(name);
  });
});
