import { Hono } from 'hono';
import type { RevertRequest } from '../../../shared/api-types.js';
import { PipelineError } from '../../errors.js';
import type { VersionsApi } from '../app-deps.js';
import { readJsonBody } from '../read-json-body.js';

const VERSION = /^[A-Za-z0-9_-]{1,64}$/;

/** `GET /:id/history` and `POST /:id/revert`, mounted under `/api/actors`. */
export function versionRoutes(versions: VersionsApi): Hono {
  const app = new Hono();

  app.get('/:id/history', async (c) => c.json(await versions.history(c.req.param('id'))));

  app.post('/:id/revert', async (c) => {
    const { version } = parseRevert(await readJsonBody(c), c.req.param('id'));
    return c.json(await versions.revert(c.req.param('id'), version));
  });

  return app;
}

function parseRevert(body: unknown, actorId: string): RevertRequest {
  const version = (body as Partial<RevertRequest> | null)?.version;
  if (typeof version === 'string' && VERSION.test(version)) return { version };
  const received = body === null || typeof body !== 'object' ? JSON.stringify(body) : (JSON.stringify(version) ?? 'nothing');
  const message = `Expected version to be a version id from GET /api/actors/${actorId}/history (letters, digits, _ or -) but received ${received}`;
  throw new PipelineError('invalid_request', message, { details: [{ field: 'version', message }] });
}
