import type { Actor } from '../../shared/api-types.js';
import { requestFor } from '../../tests/support/sample-actors.js';

/** Asks the daemon at `url` to regenerate every actor at once and waits for all (each request waits for its job). */
export async function regenerateAll(url: string, actors: Actor[]): Promise<void> {
  await Promise.all(
    actors.map(async (actor) => {
      const response = await fetch(`${url}/api/actors/${actor.id}/regenerate-poster-frame`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(requestFor(actor)),
      });
      if (response.status !== 200) throw new Error(`regenerate ${actor.id} answered ${response.status}: ${await response.text()}`);
    }),
  );
}
