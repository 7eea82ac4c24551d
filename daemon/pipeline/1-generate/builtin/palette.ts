import type { Random } from './seeded-random.js';

/** Saturation and lightness ranges of a style preset; the seed still picks the hues. */
interface PaletteRange {
  saturation: [number, number];
  lightness: [number, number];
}

const PALETTES: Record<string, PaletteRange> = {
  default: { saturation: [45, 75], lightness: [22, 48] },
  noir: { saturation: [0, 8], lightness: [10, 40] },
  pastel: { saturation: [35, 55], lightness: [62, 80] },
  vivid: { saturation: [80, 100], lightness: [35, 55] },
};

export interface Palette {
  background: [string, string];
  /** Colours for the abstract shapes, translucent over the background. */
  accents: string[];
  /** The silhouette: dark on light palettes, light on dark ones. */
  figure: string;
}

/** A palette for `style` (unknown styles fall back to the default range), with seeded hues. */
export function pickPalette(random: Random, style: string | undefined): Palette {
  const preset = PALETTES[style?.trim().toLowerCase() ?? ''];
  const range = preset ?? PALETTES.default!;
  const baseHue = random.int(0, 359);
  const colour = (hueOffset: number) => {
    const hue = (baseHue + hueOffset + 360) % 360;
    const saturation = Math.round(random.between(...range.saturation));
    const lightness = Math.round(random.between(...range.lightness));
    return `hsl(${hue}, ${saturation}%, ${lightness}%)`;
  };
  const light = range.lightness[0] > 50;
  return {
    background: [colour(0), colour(random.int(40, 160))],
    accents: Array.from({ length: 4 }, () => colour(random.int(-120, 120))),
    figure: light ? 'rgba(20, 20, 30, 0.78)' : 'rgba(245, 245, 250, 0.82)',
  };
}
