import { describe, expect, it } from 'vitest';
import { regeneratedText } from './relative-time.js';

const now = new Date('2026-03-10T12:00:00Z');

describe('regeneratedText', () => {
  it.each([
    [undefined, 'Never regenerated'],
    ['not a date', 'Never regenerated'],
    ['2026-03-10T11:59:30Z', 'Regenerated just now'],
    ['2026-03-10T11:55:00Z', 'Regenerated 5 minutes ago'],
    ['2026-03-10T09:00:00Z', 'Regenerated 3 hours ago'],
    ['2026-03-09T12:00:00Z', 'Regenerated yesterday'],
    ['2026-02-24T12:00:00Z', 'Regenerated 2 weeks ago'],
    ['2025-03-10T12:00:00Z', 'Regenerated last year'],
  ])('%s reads "%s"', (iso, expected) => {
    expect(regeneratedText(iso, now, 'en')).toBe(expected);
  });
});
