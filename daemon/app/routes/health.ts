import { Hono } from 'hono';

/** `GET /healthz`: answers while the process serves HTTP; it checks no dependency, so probes stay cheap. */
export function healthRoutes(): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  return app;
}
