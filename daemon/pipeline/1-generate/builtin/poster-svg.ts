import { drawBackdrop } from './backdrops.js';
import { drawFigure } from './figure.js';
import { pickPalette } from './palette.js';
import { createRandom, hashString } from './seeded-random.js';
import { styleLook } from './style-look.js';

/** The poster is drawn on a fixed 1024-unit canvas and scaled to the requested size. */
const CANVAS = 1024;
const FONT = 'DejaVu Sans, sans-serif';
/** The portrait area's height; the caption panel fills the rest. */
const PORTRAIT_HEIGHT = 724;
const DESCRIPTION_CHARS_PER_LINE = 58;
const DESCRIPTION_MAX_LINES = 2;

export interface PosterInput {
  name: string;
  description: string;
  seed: number;
  style?: string;
  width: number;
  height: number;
}

export const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Greedy word wrap; overlong words are cut, and the last line ends in "…" when text is left over. */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const words = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => w.match(new RegExp(`.{1,${width}}`, 'gu')) ?? []);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`;
  return kept;
}

/**
 * The offline poster as an SVG document: a portrait area (backdrop and figure, clipped to it) over a
 * caption panel with the name, the description and the OFFLINE PREVIEW label, which the figure never
 * reaches. All text is XML-escaped; the style picks the colour ranges and the composition
 * (style-look.ts); colours, shapes and figure come from the actor's name and the seed together, so two
 * actors with the same seed still differ.
 */
export function buildPosterSvg(input: PosterInput): string {
  const random = createRandom(hashString(`${input.name}:${input.seed}`));
  const look = styleLook(input.style);
  const palette = pickPalette(random, look);
  // DejaVu Sans Bold averages ~0.64 em per character; keep the name inside the panel's margins.
  const nameSize = Math.min(64, Math.floor((CANVAS - 120) / (0.64 * Math.max(1, input.name.length))));
  const description = wrapText(input.description, DESCRIPTION_CHARS_PER_LINE, DESCRIPTION_MAX_LINES)
    .map((line, i) => `<tspan x="64" dy="${i === 0 ? 0 : 36}">${escapeXml(line)}</tspan>`)
    .join('');
  const [from, to] = palette.background;
  const backdrop = drawBackdrop(look.backdrop, random, palette, PORTRAIT_HEIGHT);
  const label = `OFFLINE PREVIEW · seed ${input.seed}`;
  const labelWidth = Math.ceil(label.length * 15.2) + 40;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${input.width}" height="${input.height}" viewBox="0 0 ${CANVAS} ${CANVAS}" preserveAspectRatio="xMidYMid slice">
<defs><linearGradient id="bg" x1="0" y1="0" x2="${random.between(0.2, 0.8).toFixed(2)}" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>
<filter id="mono"><feColorMatrix type="saturate" values="0"/></filter><clipPath id="portrait"><rect width="${CANVAS}" height="${PORTRAIT_HEIGHT}"/></clipPath></defs>
<g clip-path="url(#portrait)"${look.monochrome ? ' filter="url(#mono)"' : ''}><rect width="${CANVAS}" height="${PORTRAIT_HEIGHT}" fill="url(#bg)"/>${backdrop.behind}${drawFigure(random, palette, input.description, PORTRAIT_HEIGHT)}${backdrop.over}</g>
<rect y="${PORTRAIT_HEIGHT}" width="${CANVAS}" height="${CANVAS - PORTRAIT_HEIGHT}" fill="${palette.panel}"/>
<rect y="${PORTRAIT_HEIGHT}" width="${CANVAS}" height="8" fill="${palette.label}"/>
<g font-family="${FONT}" fill="#f4f4f8">
<text x="64" y="${PORTRAIT_HEIGHT + 82}" font-size="${nameSize}" font-weight="bold">${escapeXml(input.name)}</text>
<text x="64" y="${PORTRAIT_HEIGHT + 132}" font-size="28" fill="#c9c9d4">${description}</text>
</g>
<rect x="64" y="${CANVAS - 72}" width="${labelWidth}" height="44" rx="22" fill="none" stroke="${palette.label}" stroke-width="3"/>
<text x="${64 + labelWidth / 2}" y="${CANVAS - 42}" text-anchor="middle" font-family="${FONT}" font-size="22" font-weight="bold" letter-spacing="1" fill="${palette.label}">${escapeXml(label)}</text>
</svg>`;
}
