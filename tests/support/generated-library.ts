import type { Actor } from '../../shared/api-types.js';

const ORIGINS = ['european', 'african', 'east_asian', 'south_asian', 'latina', 'nordic', 'middle_eastern', 'pacific_islander', 'indigenous', 'latino'];
const HAIR = ['long brown hair', 'a short bob', 'curly dark hair', 'a shaved head', 'grey braids', 'wavy red hair', 'a crew cut', 'silver curls'];
const DETAILS = [
  'glasses',
  'freckles',
  'a warm smile',
  'a denim jacket',
  'gold earrings',
  'a straw hat',
  'a tailored suit',
  'a silk scarf',
  'a nose ring',
  'a beard',
];

/**
 * A library of `count` actors in the seed's format (ids from 1, names like "0042_nordic_61_male", a
 * description, a LoRA URL), varied enough to search by name and description. Deterministic: the same
 * count gives the same library. Every 7th actor has a `poster_updated_at` (no poster files), so sorting
 * by last regenerated has something to order.
 */
export function generatedLibrary(count: number): Actor[] {
  return Array.from({ length: count }, (_, i) => {
    const origin = ORIGINS[i % ORIGINS.length]!;
    const age = 18 + ((i * 7) % 60);
    const gender = i % 2 ? 'male' : 'female';
    const name = `${String(i + 1).padStart(4, '0')}_${origin}_${age}_${gender}`;
    const person = gender === 'male' ? 'man' : 'woman';
    const adjective = origin.replace('_', ' ');
    const actor: Actor = {
      id: i + 1,
      name,
      description: `${/^[aeiou]/.test(adjective) ? 'an' : 'a'} ${adjective} ${person} with ${HAIR[(i * 3) % HAIR.length]} and ${DETAILS[Math.floor(i / ORIGINS.length) % DETAILS.length]}`,
      lora_model_url: `s3://posterframe-models/models/${name}.safetensors`,
    };
    if (i % 7 === 0) actor.poster_updated_at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    return actor;
  });
}
