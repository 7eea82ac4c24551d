import type { Random } from './seeded-random.js';

/** Saturation and lightness ranges of a style preset; the seed still picks the hues. */
interface PaletteRange {
  saturation: [number, number];
  lightness: [number, number];
}

const PALETTES: Record<string, PaletteRange> = {
  default: { saturation: [45, 70], lightness: [45, 62] },
  noir: { saturation: [0, 6], lightness: [30, 60] },
  pastel: { saturation: [40, 60], lightness: [72, 84] },
  vivid: { saturation: [80, 100], lightness: [48, 58] },
};

export interface Palette {
  /** Top and bottom of the portrait area's gradient. */
  background: [string, string];
  /** Colours for the backdrop's shapes. */
  accents: string[];
  /** The figure's clothing: a deep shade, so the figure stands out from the backdrop. */
  clothing: string;
  /** Face and neck: a soft neutral tint, deliberately no skin tone, since the figure is a stand-in. */
  face: string;
  /** Hair when the description names no colour. */
  hair: string;
  /** The caption panel under the portrait: dark, for white text. */
  panel: string;
  /** The OFFLINE PREVIEW label. */
  label: string;
}

/** A palette for `style` (unknown styles fall back to the default range), with seeded hues. */
export function pickPalette(random: Random, style: string | undefined): Palette {
  const range = PALETTES[style?.trim().toLowerCase() ?? ''] ?? PALETTES.default!;
  const baseHue = random.int(0, 359);
  const grey = range.saturation[1] < 10;
  const hsl = (hueOffset: number, saturation: number, lightness: number) =>
    `hsl(${(baseHue + hueOffset + 360) % 360}, ${grey ? 0 : Math.round(saturation)}%, ${Math.round(lightness)}%)`;
  const colour = (hueOffset: number) => hsl(hueOffset, random.between(...range.saturation), random.between(...range.lightness));
  const accentHue = random.int(100, 260);
  return {
    background: [colour(0), colour(random.int(-60, 60))],
    accents: [colour(accentHue), colour(accentHue + 30), colour(random.int(-40, 40))],
    clothing: hsl(accentHue, 45, 24),
    face: hsl(30, 18, 88),
    hair: hsl(20, 25, 18),
    panel: hsl(0, 30, 11),
    label: hsl(accentHue, 90, 72),
  };
}
