import { styleOf } from '../../../../shared/styles.js';

/** Which composition fills the portrait area behind (and partly over) the figure. */
export type BackdropKind = 'seamless' | 'letterbox' | 'blinds' | 'sun' | 'blocks';

/**
 * How the offline poster renders a style preset: colour ranges the seed picks from, and a composition
 * of its own, so each style is told apart at a glance (and each seed still differs within it).
 */
export interface StyleLook {
  /** Hue range of the backdrop, in degrees. */
  hue: [number, number];
  saturation: [number, number];
  lightness: [number, number];
  /** The accents' hue, as an offset range from the backdrop's. */
  accentOffset: [number, number];
  /** Accent lightness: lighter or darker than the backdrop, which decides the mood. */
  accentLightness: [number, number];
  /** Everything in greys, the figure included. */
  monochrome: boolean;
  backdrop: BackdropKind;
}

const LOOKS: Record<string, StyleLook> = {
  // Teal shadows against orange light: the blockbuster grade, with letterbox bars.
  'cinematic-portrait': {
    hue: [180, 205],
    saturation: [45, 70],
    lightness: [22, 36],
    accentOffset: [180, 200],
    accentLightness: [50, 62],
    monochrome: false,
    backdrop: 'letterbox',
  },
  // A pale, nearly neutral seamless paper with a soft spotlight behind the head.
  'studio-headshot': {
    hue: [0, 359],
    saturation: [6, 16],
    lightness: [74, 86],
    accentOffset: [-10, 10],
    accentLightness: [88, 96],
    monochrome: false,
    backdrop: 'seamless',
  },
  // Dark greys cut by hard bars of light from a venetian blind, across the figure too.
  'film-noir': { hue: [0, 0], saturation: [0, 0], lightness: [12, 22], accentOffset: [0, 0], accentLightness: [62, 80], monochrome: true, backdrop: 'blinds' },
  // A warm sky and a low sun glowing behind the figure.
  'golden-hour': {
    hue: [12, 40],
    saturation: [70, 92],
    lightness: [52, 66],
    accentOffset: [8, 28],
    accentLightness: [70, 84],
    monochrome: false,
    backdrop: 'sun',
  },
  // Saturated colour blocks in contrasting hues, hard edges.
  'vivid-editorial': {
    hue: [0, 359],
    saturation: [85, 100],
    lightness: [48, 58],
    accentOffset: [110, 250],
    accentLightness: [45, 60],
    monochrome: false,
    backdrop: 'blocks',
  },
};

/** The look of a style preset's id (the default preset's for none or an unknown id). */
export function styleLook(styleId: string | undefined): StyleLook {
  return LOOKS[styleOf(styleId).id]!;
}
