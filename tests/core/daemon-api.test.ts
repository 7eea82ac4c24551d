import { readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor, Job } from '../../shared/api-types.js';
import { requestFor, sampleActors } from '../support/sample-actors.js';
import { openSse } from '../support/sse-client.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';

let daemon: TestDaemon | undefined;
afterEach(async () => {
  await daemon?.dispose();
  daemon = undefined;
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the daemon over real HTTP', () => {
  it("answers 400 naming lora_model_url for a LoRA that is not the actor's, and publishes nothing", async () => {
    const actors = sampleActors(2);
    daemon = await startTestDaemon({ actors });
    const response = await post(`${daemon.url}/api/actors/1/regenerate-poster-frame`, { ...requestFor(actors[0]!), lora_model_url: actors[1]!.lora_model_url });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request', details: [{ field: 'lora_model_url' }] });
    expect(JSON.parse(await readFile(daemon.actorsFile, 'utf8'))[0].poster_frames).toBeUndefined();
  });

  it('regenerates a poster with the seed request and answers with the seed response; the media is served', async () => {
    const actors = sampleActors(2);
    daemon = await startTestDaemon({ actors });
    const response = await post(`${daemon.url}/api/actors/2/regenerate-poster-frame`, requestFor(actors[1]!));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(['actor_id', 'actor_name', 'message', 'poster_frames', 'success']);
    expect(body).toMatchObject({ success: true, actor_id: '2', actor_name: actors[1]!.name, message: 'Poster frame regenerated successfully' });

    const image = await fetch(new URL(body.poster_frames.standard.webp_sm, daemon.url));
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect(await sharp(new Uint8Array(await image.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width: 256, height: 256 });

    const saved: Actor[] = JSON.parse(await readFile(daemon.actorsFile, 'utf8'));
    expect(saved[1]!.poster_frames).toEqual(body.poster_frames);
    expect(saved[1]!.poster_updated_at).toEqual(expect.any(String));
  });

  it('50 parallel regenerations of different actors leave all 50 updates in actorsData.json', async () => {
    const actors = sampleActors(50);
    daemon = await startTestDaemon({ actors });
    const url = daemon.url;
    const responses = await Promise.all(actors.map((actor) => post(`${url}/api/actors/${actor.id}/regenerate-poster-frame`, requestFor(actor))));
    expect(responses.map((r) => r.status)).toEqual(actors.map(() => 200));

    const saved: Actor[] = JSON.parse(await readFile(daemon.actorsFile, 'utf8'));
    expect(saved).toHaveLength(50);
    for (const [i, actor] of saved.entries()) {
      expect(actor.poster_frames?.standard.webp_lg).toContain(`/${actors[i]!.name}_poster_lg.webp?v=`);
      expect(actor.extra).toEqual({ keep: `field-${i + 1}` });
    }
  }, 120_000);

  it('with Prefer: respond-async answers 202 at once and reports progress to done over SSE', async () => {
    const actors = sampleActors(1);
    daemon = await startTestDaemon({ actors });
    const events = await openSse(`${daemon.url}/api/events`);
    try {
      const response = await post(`${daemon.url}/api/actors/1/regenerate-poster-frame`, requestFor(actors[0]!), { prefer: 'respond-async' });
      expect(response.status).toBe(202);
      const { job_id, status_url } = await response.json();
      expect(status_url).toBe(`/api/jobs/${job_id}`);

      const stages = new Set<string>();
      let actorChanged: Actor | undefined;
      const done = await events.nextMatching((frame) => {
        if (frame.event === 'actor') actorChanged = JSON.parse(frame.data!);
        if (frame.event !== 'job') return false;
        const job: Job = JSON.parse(frame.data!);
        stages.add(job.stage);
        return job.id === job_id && job.status === 'done';
      });
      expect(done.id).toMatch(/^\d+$/);
      expect([...stages]).toEqual(expect.arrayContaining(['queued', 'generating', 'encoding', 'uploading', 'saving']));
      expect(actorChanged?.poster_frames).toEqual(JSON.parse(done.data!).result.poster_frames);

      const job: Job = await (await fetch(`${daemon.url}${status_url}`)).json();
      expect(job).toMatchObject({ status: 'done', source: 'api', actor_id: '1' });
    } finally {
      await events.close();
    }
  });

  it('announces an actor over SSE when another program edits actorsData.json', async () => {
    const actors = sampleActors(2);
    daemon = await startTestDaemon({ actors });
    const events = await openSse(`${daemon.url}/api/events`);
    try {
      const edited = actors.map((a) => (a.id === 2 ? { ...a, description: 'edited by hand' } : a));
      await writeFile(daemon.actorsFile, JSON.stringify(edited, null, 2));
      const frame = await events.nextMatching((f) => f.event === 'actor');
      expect(JSON.parse(frame.data!)).toMatchObject({ id: 2, description: 'edited by hand' });
    } finally {
      await events.close();
    }
  });

  it('two requests for the same actor share one job', async () => {
    const actors = sampleActors(1);
    daemon = await startTestDaemon({ actors });
    const [a, b] = await Promise.all(
      [0, 1].map(() => post(`${daemon!.url}/api/actors/1/regenerate-poster-frame`, requestFor(actors[0]!), { prefer: 'respond-async' })),
    );
    expect((await a!.json()).job_id).toBe((await b!.json()).job_id);
  });

  it('reports a corrupt actorsData.json and never overwrites it', async () => {
    daemon = await startTestDaemon({ actors: sampleActors(1) });
    const corrupt = '[{"id": 1, "name": "0001_test_20_female", ';
    await writeFile(daemon.actorsFile, corrupt);
    const response = await post(`${daemon.url}/api/actors/1/regenerate-poster-frame`, requestFor(sampleActors(1)[0]!));
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ success: false, error: 'actors_file_corrupt' });
    expect(await readFile(daemon.actorsFile, 'utf8')).toBe(corrupt);
  });

  it('serves the built web UI at / with its bundle', async () => {
    daemon = await startTestDaemon({ actors: sampleActors(1) });
    const page = await fetch(`${daemon.url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('src="app.js"');
    const bundle = await fetch(`${daemon.url}/app.js`);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect(await bundle.text()).toContain('actor-library');
  });
});
