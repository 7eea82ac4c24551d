import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api-types.js';
import { ACTORS_SNAPSHOT_KEY } from '../../shared/edge-protocol.js';
import type { Storage } from '../pipeline/4-upload/storage.js';
import { createSnapshotPublisher } from './publish-snapshot.js';

/** A Storage that records puts, each held until `release()`. */
function gatedStorage() {
  const puts: string[] = [];
  let release = () => {};
  const storage = {
    kind: 'edge',
    put: async (key: string, body: Uint8Array) => {
      puts.push(`${key} ${new TextDecoder().decode(body).trim()}`);
      await new Promise<void>((resolve) => (release = resolve));
    },
  } as unknown as Storage;
  return { storage, puts, release: () => release() };
}

describe('createSnapshotPublisher', () => {
  it('publishes the current actors under library/actorsData.json, and a burst of changes as one more publish of the latest', async () => {
    let actors: Actor[] = [{ id: 1, name: 'a' }];
    const { storage, puts, release } = gatedStorage();
    const publisher = createSnapshotPublisher({ actors: { list: async () => actors }, storage, logger: pino({ level: 'silent' }) });

    const first = publisher.publish();
    await expect.poll(() => puts.length).toBe(1);
    actors = [{ id: 1, name: 'b' }];
    const second = publisher.publish();
    actors = [{ id: 1, name: 'c' }];
    expect(publisher.publish()).toBe(second);
    release();
    await first;
    await expect.poll(() => puts.length).toBe(2);
    release();
    await second;

    expect(puts.map((put) => put.replace(/\s+/g, ''))).toEqual([`${ACTORS_SNAPSHOT_KEY}[{"id":1,"name":"a"}]`, `${ACTORS_SNAPSHOT_KEY}[{"id":1,"name":"c"}]`]);
  });
});
