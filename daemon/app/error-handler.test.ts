import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.js';
import { createErrorHandler } from './error-handler.js';
import { memoryLogger } from './test-support/fake-deps.js';

function appThrowing(error: unknown) {
  const { logger, lines } = memoryLogger();
  const app = new Hono();
  app.get('/boom', () => {
    throw error;
  });
  app.onError(createErrorHandler(logger));
  return { app, lines };
}

describe('createErrorHandler', () => {
  it.each([
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [404, 'not_found'],
    [413, 'payload_too_large'],
    [418, 'internal_error'],
  ] as const)('answers an HTTPException %i with its status and the %s JSON body', async (status, code) => {
    const { app } = appThrowing(new HTTPException(status, { message: 'no good' }));
    const res = await app.request('/boom');

    expect(res.status).toBe(status);
    expect(await res.json()).toStrictEqual({ success: false, error: code, message: 'no good' });
  });

  it('answers a PipelineError with the status of its code, its message and details', async () => {
    const { app, lines } = appThrowing(new PipelineError('generation_failed', 'GPU busy; retry later', { details: { queue: 9 } }));
    const res = await app.request('/boom');

    expect(res.status).toBe(502);
    expect(await res.json()).toStrictEqual({ success: false, error: 'generation_failed', message: 'GPU busy; retry later', details: { queue: 9 } });
    expect(lines.filter((line) => line.level === 50)).toEqual([]);
  });

  it('logs anything else as an error and answers a bare 500', async () => {
    const { app, lines } = appThrowing(new RangeError('index 7 out of range'));
    const res = await app.request('/boom');

    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toMatchObject({ success: false, error: 'internal_error' });
    expect(JSON.stringify(body)).not.toContain('index 7');
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, path: '/boom', err: expect.objectContaining({ type: 'RangeError' }) }));
  });
});
