import { describe, expect, it } from 'vitest';
import { applyActorUpdates, filterActors, replaceActor, sortActors } from './actor-list.js';
import { framesFor, makeActor } from './test-fixtures.js';

const actors = [
  makeActor({ id: 1, name: '0001_european_20_female', description: 'a young European woman with long brown hair' }),
  makeActor({ id: 3, name: '0003_east_asian_27_female', description: 'an East Asian woman with a short bob' }),
  makeActor({ id: 4, name: '0004_south_asian_45_male', description: 'a South Asian man with a grey beard' }),
];

describe('filterActors', () => {
  it.each([
    ['', ['0001_european_20_female', '0003_east_asian_27_female', '0004_south_asian_45_male']],
    ['  ', ['0001_european_20_female', '0003_east_asian_27_female', '0004_south_asian_45_male']],
    ['asian', ['0003_east_asian_27_female', '0004_south_asian_45_male']],
    ['East Asian', ['0003_east_asian_27_female']],
    ['east_asian', ['0003_east_asian_27_female']],
    ['female asian', ['0003_east_asian_27_female']],
    ['nordic', []],
    ['beard', ['0004_south_asian_45_male']],
    ['Woman Hair', ['0001_european_20_female']],
    ['female bob', ['0003_east_asian_27_female']],
  ])('"%s" keeps %j', (query, names) => {
    expect(filterActors(actors, query).map((a) => a.name)).toEqual(names);
  });

  it('searches actors without a description by name only', () => {
    expect(filterActors([makeActor({ name: 'x_nordic', description: undefined })], 'nordic undefined')).toEqual([]);
  });
});

describe('sortActors', () => {
  const named = ['actor_10', 'Actor_9', 'actor_100'].map((name, id) => makeActor({ id, name }));

  it('orders by name, numbers as numbers and ignoring case, without changing its input', () => {
    expect(sortActors(named, 'name').map((a) => a.name)).toEqual(['Actor_9', 'actor_10', 'actor_100']);
    expect(named.map((a) => a.name)).toEqual(['actor_10', 'Actor_9', 'actor_100']);
  });

  it('orders by last regenerated, newest first, never-regenerated last by name', () => {
    const list = [
      makeActor({ id: 1, name: 'b' }),
      makeActor({ id: 2, name: 'old', poster_updated_at: '2026-01-01T10:00:00.000Z' }),
      makeActor({ id: 3, name: 'a' }),
      makeActor({ id: 4, name: 'new', poster_updated_at: '2026-02-01T10:00:00.000Z' }),
    ];
    expect(sortActors(list, 'recent').map((a) => a.name)).toEqual(['new', 'old', 'a', 'b']);
  });
});

describe('replaceActor', () => {
  const held = makeActor({ id: 1, poster_updated_at: '2026-01-01T10:00:00Z' });
  const other = makeActor({ id: 2, name: 'other' });

  it('replaces only the updated actor, matching numeric and string ids', () => {
    const update = makeActor({ id: '1', poster_updated_at: '2026-01-01T11:00:00Z' });
    const list = [other, held];
    const next = replaceActor(list, update);
    expect(next).toEqual([other, update]);
    expect(next[0]).toBe(other);
    expect(list).toEqual([other, held]);
  });

  it('keeps the list when the update is older than the held actor', () => {
    const list = [held];
    expect(replaceActor(list, makeActor({ id: 1, poster_updated_at: '2026-01-01T09:00:00Z' }))).toBe(list);
  });

  it('adds an actor the list does not have yet', () => {
    expect(replaceActor([held], other)).toEqual([held, other]);
  });
});

describe('applyActorUpdates', () => {
  const fetched = makeActor({ id: 1, poster_updated_at: '2026-01-01T10:00:00Z', poster_frames: framesFor('a', 'old') });

  it('replaces an actor with a newer live update, matching numeric and string ids', () => {
    const update = makeActor({ id: '1', poster_updated_at: '2026-01-01T11:00:00Z', poster_frames: framesFor('a', 'new') });
    expect(applyActorUpdates([fetched], new Map([['1', update]]))).toEqual([update]);
  });

  it('keeps a fetched actor that is newer than a held update', () => {
    const stale = makeActor({ id: 1, poster_updated_at: '2026-01-01T09:00:00Z' });
    expect(applyActorUpdates([fetched], new Map([['1', stale]]))).toEqual([fetched]);
  });

  it('applies the first poster of an actor that had none', () => {
    const bare = makeActor({ id: 2 });
    const update = makeActor({ id: 2, poster_updated_at: '2026-01-01T11:00:00Z', poster_frames: framesFor('b', '1') });
    expect(applyActorUpdates([bare], new Map([['2', update]]))).toEqual([update]);
  });
});
