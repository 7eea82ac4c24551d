import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('writes valid JSON lines with signed query values redacted from messages, fields and error stacks', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line) => void lines.push(line) });
    const url = 'https://m.s3.amazonaws.com/x.safetensors?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=deadbeef';

    logger.warn({ message: `worker said: 404 for url: ${url}`, err: new Error(`fetch ${url} failed`) }, `job failed: ${url}`);

    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as { msg: string; message: string; err: { message: string; stack: string } };
    expect(lines[0]).not.toMatch(/deadbeef|AKIAEXAMPLE/);
    expect(entry.msg).toContain('X-Amz-Signature=REDACTED');
    expect(entry.message).toContain('X-Amz-Credential=REDACTED');
    expect(entry.err.stack).toContain('X-Amz-Signature=REDACTED');
  });
});
