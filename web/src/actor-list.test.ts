import { describe, expect, it } from 'vitest';
import { applyActorUpdates, filterActors } from './actor-list.js';
import { framesFor, makeActor } from './test-fixtures.js';

const actors = [
  makeActor({ id: 1, name: '0001_european_20_female' }),
  makeActor({ id: 3, name: '0003_east_asian_27_female' }),
  makeActor({ id: 4, name: '0004_south_asian_45_male' }),
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
  ])('"%s" keeps %j', (query, names) => {
    expect(filterActors(actors, query).map((a) => a.name)).toEqual(names);
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
