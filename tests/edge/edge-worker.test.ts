import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, ErrorBody, Job, JobsPage, RegenerateResponse } from '../../shared/api-types.js';
import { sampleActors, requestFor } from '../support/sample-actors.js';
import { openSse, type SseConnection } from '../support/sse-client.js';
import { DAEMON_TOKEN, startTestEdge, until, type TestEdge } from '../support/start-test-edge.js';

const ACTORS = sampleActors(3);
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const regenerateUrl = (base: string, actor: Actor) => `${base}/api/actors/${actor.id}/regenerate-poster-frame`;

// One Worker (workerd) and one daemon for the file; the tests run in order, the daemon stopped last.
let t: TestEdge;
beforeAll(async () => {
  t = await startTestEdge({ actors: ACTORS });
});
afterAll(async () => {
  await t?.dispose();
});

describe('the edge Worker in workerd, with the daemon behind it', () => {
  it('serves the actors from the snapshot the daemon published to the bucket', async () => {
    const daemonActors = await (await fetch(`${t.daemon.url}/api/actors`)).json();
    const edgeActors = await fetch(`${t.edge.url}/api/actors`);

    expect(edgeActors.status).toBe(200);
    expect(await edgeActors.json()).toEqual(daemonActors);
    expect(await (await fetch(`${t.edge.url}/api/actors/${ACTORS[1]!.name}`)).json()).toEqual(ACTORS[1]);
  });

  it("answers GET /api/info with the daemon's backend and the edge's own actors and token", async () => {
    const info = await (await fetch(`${t.edge.url}/api/info`)).json();

    expect(info).toEqual({
      generator: { kind: 'builtin', uses_lora: false, typical_seconds: expect.any(Number) },
      storage: 'edge',
      actors: { count: ACTORS.length, file_present: true },
      api_token_required: false,
    });
  });

  it('serves the web UI from the assets binding', async () => {
    const page = await fetch(`${t.edge.url}/`);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<script type="module" src="app.js">');
    expect((await fetch(`${t.edge.url}/app.js`)).status).toBe(200);
  });

  it("validates a request with the daemon's schema and answers with the same error body", async () => {
    const bad = { ...requestFor(ACTORS[0]!), params: { steps: 'many' }, surprise: 1 };
    const atDaemon = await fetch(regenerateUrl(t.daemon.url, ACTORS[0]!), {
      ...json(bad),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DAEMON_TOKEN}` },
    });
    const atEdge = await fetch(regenerateUrl(t.edge.url, ACTORS[0]!), json(bad));

    expect(atEdge.status).toBe(400);
    expect(await atEdge.json()).toEqual(await atDaemon.json());
  });

  it('regenerates through the daemon, waits on the hub, then serves the new poster from the bucket and relays the finished event', async () => {
    const actor = ACTORS[0]!;
    const events = await openSse(`${t.edge.url}/api/events`);
    try {
      const response = await fetch(regenerateUrl(t.edge.url, actor), json(requestFor(actor)));
      expect(response.status).toBe(200);
      const result = (await response.json()) as RegenerateResponse;
      expect(result).toMatchObject({ success: true, actor_id: String(actor.id), actor_name: actor.name });
      expect(result.poster_frames.standard.webp_md.startsWith(`${t.edge.url}/media/actors/${actor.name}/poster_frame/`)).toBe(true);

      const poster = await fetch(result.poster_frames.standard.webp_md);
      expect(poster.status).toBe(200);
      expect(poster.headers.get('content-type')).toBe('image/webp');
      expect(poster.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(new TextDecoder().decode((await poster.arrayBuffer()).slice(8, 12))).toBe('WEBP');

      const finished = await events.nextMatching((frame) => frame.event === 'job' && (JSON.parse(frame.data!) as Job).status === 'done');
      expect(JSON.parse(finished.data!)).toMatchObject({ actor_id: String(actor.id), result });
      // The snapshot follows: the edge's actor now points at the new poster.
      await until(
        async () =>
          ((await (await fetch(`${t.edge.url}/api/actors/${actor.id}`)).json()) as Actor).poster_frames?.standard.webp_md ===
          result.poster_frames.standard.webp_md,
      );
      const { jobs } = (await (await fetch(`${t.edge.url}/api/jobs`)).json()) as JobsPage;
      expect(jobs[0]).toMatchObject({ actor_id: String(actor.id), status: 'done' });
    } finally {
      await events.close();
    }
  });

  it('fans one daemon connection out to 50 event streams, and notices each client that goes away', async () => {
    const before = { daemonConnections: (await t.hubStatus()).daemon_connections, toDaemon: t.toDaemon.connections };
    const streams: SseConnection[] = await Promise.all(Array.from({ length: 50 }, () => openSse(`${t.edge.url}/api/events`)));
    await until(async () => (await t.hubStatus()).readers === 50);

    // A change made at the daemon itself reaches all 50 readers through the hub.
    const actor = ACTORS[2]!;
    const accepted = await fetch(regenerateUrl(t.daemon.url, actor), {
      ...json(requestFor(actor)),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DAEMON_TOKEN}`, prefer: 'respond-async' },
    });
    const { job_id } = (await accepted.json()) as { job_id: string };
    const seen = await Promise.all(streams.map((sse) => sse.nextMatching((frame) => frame.event === 'job' && frame.data!.includes(job_id))));
    expect(seen).toHaveLength(50);

    const after = await t.hubStatus();
    expect(after.daemon_connections).toBe(before.daemonConnections);
    expect(after.daemon_connected).toBe(true);
    expect(t.toDaemon.connections).toBe(before.toDaemon);

    await Promise.all(streams.map((sse) => sse.close()));
    await until(async () => (await t.hubStatus()).readers === 0);
  });

  it('with the daemon down: serves every read, answers mutations 503 and closes the event streams', async () => {
    const [actor] = (await (await fetch(`${t.edge.url}/api/actors`)).json()) as Actor[];
    const stream = await openSse(`${t.edge.url}/api/events`);
    await until(async () => (await t.hubStatus()).readers === 1);

    await t.stopDaemon();

    await expect(stream.nextMatching(() => false)).rejects.toThrow(/ended/);
    expect((await fetch(`${t.edge.url}/api/actors`)).status).toBe(200);
    expect((await fetch(`${t.edge.url}/api/actors/${actor!.id}`)).status).toBe(200);
    expect((await fetch(actor!.poster_frames!.standard.webp_sm)).status).toBe(200);
    expect((await fetch(`${t.edge.url}/api/jobs`)).status).toBe(200);
    expect((await fetch(`${t.edge.url}/`)).status).toBe(200);

    const refused = await fetch(regenerateUrl(t.edge.url, actor!), json(requestFor(actor!)));
    expect(refused.status).toBe(503);
    expect((await refused.json()) as ErrorBody).toMatchObject({
      success: false,
      error: 'daemon_unavailable',
      message: expect.stringMatching(/unavailable.*Reading still works/),
    });
    const events = await fetch(`${t.edge.url}/api/events`);
    expect(events.status).toBe(503);
    expect(await events.json()).toMatchObject({ success: false, error: 'daemon_unavailable' });
  });
});
