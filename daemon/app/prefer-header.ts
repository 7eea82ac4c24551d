/**
 * Whether a `Prefer` header (RFC 7240) asks for `respond-async`. Preferences are a comma-separated
 * list, each optionally followed by `;`-parameters, and the names are case-insensitive.
 */
export function prefersRespondAsync(prefer: string | undefined): boolean {
  if (!prefer) return false;
  return prefer.split(',').some((preference) => preference.split(/[;=]/, 1)[0]?.trim().toLowerCase() === 'respond-async');
}
