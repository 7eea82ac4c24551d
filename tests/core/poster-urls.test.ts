import { afterEach, describe, expect, it } from 'vitest';
import type { Actor, RegenerateResponse } from '../../shared/api-types.js';
import { requestFor, sampleActors } from '../support/sample-actors.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';
import { tempDir } from '../support/temp-dir.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function regenerate(daemon: TestDaemon, actor: Actor): Promise<RegenerateResponse> {
  const response = await fetch(`${daemon.url}/api/actors/${actor.id}/regenerate-poster-frame`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(requestFor(actor)),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('local poster URLs', () => {
  it('keep working after the daemon restarts on another port', async () => {
    const root = await tempDir();
    cleanups.push(root.remove);
    const actors = sampleActors(1);
    const first = await startTestDaemon({ root: root.path, actors });
    const published = await regenerate(first, actors[0]!);
    await first.close();

    const second = await startTestDaemon({ root: root.path });
    cleanups.push(second.close);
    expect(new URL(second.url).port).not.toBe(new URL(first.url).port);
    const actor: Actor = await (await fetch(`${second.url}/api/actors/1`)).json();
    expect(actor.poster_frames).toEqual(published.poster_frames);
    for (const url of Object.values(actor.poster_frames!.standard)) {
      expect(url).toMatch(/^\/media\/actors\/.+\.webp\?v=[0-9a-f]+$/);
      // Resolved as a browser does, against the page (or API) it came from.
      const image = await fetch(new URL(url, second.url));
      expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/webp']);
    }
  });

  it('start with PUBLIC_BASE_URL when it is set, for a daemon behind a proxy', async () => {
    const actors = sampleActors(1);
    const daemon = await startTestDaemon({ actors, env: { PUBLIC_BASE_URL: 'https://posters.example.com/' } });
    cleanups.push(daemon.dispose);
    const published = await regenerate(daemon, actors[0]!);
    expect(published.poster_frames.accelerated.webp_lg).toMatch(/^https:\/\/posters\.example\.com\/media\/actors\/.+_poster_lg\.webp\?v=/);
  });
});
