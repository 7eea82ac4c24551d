import type { GenerationParams } from '../../shared/api-types.js';

/** The daemon's seed range (shared/request-schema.ts): an unsigned 32-bit integer. */
export const MAX_SEED = 2 ** 32 - 1;

export type ParamsOrError = { params: GenerationParams; error?: undefined } | { error: string; params?: undefined };

/**
 * The generation parameters of the regenerate dialog's fields. An empty seed asks the daemon for a
 * random one (it records the one it picked); an empty style leaves the backend's default look.
 *
 * @param style - a preset id from `GET /api/styles`, or '' for none
 * @param seedText - what was typed into the seed field
 * @returns the parameters, or an error worded for the person typing
 * @example paramsFromFields('film-noir', '42') // { params: { style: 'film-noir', seed: 42 } }
 */
export function paramsFromFields(style: string, seedText: string): ParamsOrError {
  const params: GenerationParams = style ? { style } : {};
  const text = seedText.trim();
  if (!text) return { params };
  const seed = Number(text);
  if (!/^\d+$/.test(text) || seed > MAX_SEED) {
    return { error: `Expected a whole number from 0 to ${MAX_SEED} for seed but received "${text}". Leave it empty for a random seed.` };
  }
  return { params: { ...params, seed } };
}
