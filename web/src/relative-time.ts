const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * "Regenerated 5 minutes ago" for a card; "Never regenerated" when there is no time (or it is not a
 * date, so a hand-edited actorsData.json cannot break the page).
 *
 * @param iso - the actor's `poster_updated_at`
 * @param now - the moment to measure from
 * @param locale - defaults to the browser's
 */
export function regeneratedText(iso: string | undefined, now: Date, locale?: string): string {
  const time = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(time)) return 'Never regenerated';
  const seconds = Math.round((time - now.getTime()) / 1000);
  if (Math.abs(seconds) < 60) return 'Regenerated just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['minute', 60];
  return `Regenerated ${format.format(Math.round(seconds / size), unit)}`;
}
