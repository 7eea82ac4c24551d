import { ACTORS_SORTS, type ActorsPageQuery } from '../../library/actors-page.js';
import { PipelineError } from '../../errors.js';
import type { ActorsSort } from '../../../shared/api-types.js';

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

/**
 * `?limit=&cursor=&q=&sort=` of `GET /api/actors`, or undefined when none is given (the plain list).
 * A bad value is a 400 naming the parameter, what it takes and what came.
 */
export function parseActorsQuery(params: Record<string, string>): ActorsPageQuery | undefined {
  const { limit, cursor, q, sort } = params;
  if (limit === undefined && cursor === undefined && q === undefined && sort === undefined) return undefined;
  const count = limit === undefined ? DEFAULT_LIMIT : Number(limit);
  if (!Number.isInteger(count) || count < 1 || count > MAX_LIMIT) {
    throw invalid(`Expected an integer from 1 to ${MAX_LIMIT} for limit but received ${JSON.stringify(limit)}`);
  }
  if (sort !== undefined && !ACTORS_SORTS.includes(sort as ActorsSort)) {
    throw invalid(`Expected one of ${ACTORS_SORTS.join(', ')} for sort but received ${JSON.stringify(sort)}`);
  }
  return { limit: count, cursor, q, sort: sort as ActorsSort | undefined };
}

export const invalid = (message: string) => new PipelineError('invalid_request', message);
