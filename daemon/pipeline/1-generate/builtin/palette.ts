import type { Random } from './seeded-random.js';
import type { StyleLook } from './style-look.js';

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

/** A palette in the style's colour ranges, with the hues picked by the seed. */
export function pickPalette(random: Random, look: StyleLook): Palette {
  const baseHue = random.int(...look.hue);
  const hsl = (hueOffset: number, saturation: number, lightness: number) =>
    `hsl(${Math.round(baseHue + hueOffset + 360) % 360}, ${look.monochrome ? 0 : Math.round(saturation)}%, ${Math.round(lightness)}%)`;
  const backdrop = (hueOffset: number) => hsl(hueOffset, random.between(...look.saturation), random.between(...look.lightness));
  const accentHue = random.int(...look.accentOffset);
  const accent = (hueOffset: number) => hsl(accentHue + hueOffset, random.between(...look.saturation) + 15, random.between(...look.accentLightness));
  return {
    background: [backdrop(0), backdrop(random.int(-20, 20))],
    accents: [accent(0), accent(random.int(-25, 25)), accent(random.int(-40, 40))],
    clothing: hsl(accentHue, 45, 22),
    face: hsl(30, 18, 86),
    hair: hsl(20, 25, 18),
    panel: hsl(0, 25, 10),
    label: hsl(accentHue, 90, 72),
  };
}
