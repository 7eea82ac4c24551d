import type { GenerationParams, PosterVersion, StylePreset } from '../../shared/api-types.js';

/**
 * The name of a style as the person picked it: the preset's label, the id of a preset this daemon no
 * longer has, or "Default style" for a poster made without one.
 *
 * @example styleLabel('film-noir', styles) // "Film noir"
 */
export function styleLabel(style: string | undefined, styles: readonly StylePreset[]): string {
  if (!style) return 'Default style';
  return styles.find((preset) => preset.id === style)?.label ?? style;
}

/**
 * What a poster was made with, short enough for a thumbnail's caption: the style and the seed that
 * reproduces it.
 *
 * @example paramsSummary({ style: 'film-noir', seed: 42 }, styles) // "Film noir · seed 42"
 */
export function paramsSummary(params: GenerationParams | undefined, styles: readonly StylePreset[]): string {
  const parts = [styleLabel(params?.style, styles)];
  if (params?.seed !== undefined) parts.push(`seed ${params.seed}`);
  return parts.join(' · ');
}

/** A version's date and time in the reader's locale, e.g. "2 Dec 2026, 05:10". */
export function versionDate(iso: string, locale?: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** {@link paramsSummary} of a version: its recorded `seed` and `style`, else those in its `params`. */
export function versionSummary(version: Pick<PosterVersion, 'seed' | 'style' | 'params'>, styles: readonly StylePreset[]): string {
  return paramsSummary({ style: version.style ?? version.params.style, seed: version.seed ?? version.params.seed }, styles);
}
