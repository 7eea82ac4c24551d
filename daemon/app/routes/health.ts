import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';

/**
 * `GET /healthz`: answers while the process serves HTTP; it checks no dependency, so probes stay cheap.
 * It names the daemon's instance id, which a CLI compares with `DATA_DIR/daemon.json` to be sure the
 * address it found there is still that daemon.
 */
export function healthRoutes({ instanceId }: Pick<AppDeps, 'instanceId'>): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true, instance_id: instanceId }));
  return app;
}
