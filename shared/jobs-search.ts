import type { JobsQuery } from './api-types.js';

/**
 * The query string of `GET /api/jobs` for `query`, with its leading `?` (empty for no filters).
 * @example jobsSearch({ status: 'failed', limit: 20 }) // '?status=failed&limit=20'
 */
export function jobsSearch(query: JobsQuery = {}): string {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString();
  return search ? `?${search}` : '';
}
