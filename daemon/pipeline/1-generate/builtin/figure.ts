import type { Palette } from './palette.js';
import type { Random } from './seeded-random.js';

/**
 * A flat, faceless head-and-shoulders figure in the palette's colours. What the description says
 * about hair, beard, glasses or a headscarf is drawn, so the stand-in reads as "this actor" at a
 * glance; the seed varies proportions and pose.
 */

const HAIR_COLOURS: [RegExp, string][] = [
  [/\b(grey|gray|silver|salt-and-pepper)\b/, '#a3a3a8'],
  [/\bwhite hair\b/, '#ececec'],
  [/\b(blond|blonde|golden)\b/, '#d8b460'],
  [/\b(red|auburn|ginger)\b/, '#a0472a'],
  [/\bbrown\b/, '#5b3a24'],
  [/\b(black|dark)\b/, '#1d1b1f'],
];

const has = (text: string, pattern: RegExp) => pattern.test(text);

/** The figure as SVG, standing on `groundY` (the top of the caption panel). */
export function drawFigure(random: Random, palette: Palette, description: string, groundY: number): string {
  const text = description.toLowerCase();
  const hair = HAIR_COLOURS.find(([pattern]) => has(text, pattern))?.[1] ?? palette.hair;
  const cx = 512 + random.int(-50, 50);
  const headRx = random.int(92, 108);
  const headRy = headRx * random.between(1.22, 1.32);
  const headY = random.int(300, 340);
  const neckTop = headY + headRy * 0.7;
  const shoulderY = headY + headRy + random.int(70, 95);
  const spread = random.int(250, 310);
  const shoulders = `M${cx - spread - 80},${groundY} C${cx - spread},${shoulderY - 20} ${cx - 120},${shoulderY - 40} ${cx},${shoulderY - 40} C${cx + 120},${shoulderY - 40} ${cx + spread},${shoulderY - 20} ${cx + spread + 80},${groundY} Z`;
  const neck = `<rect x="${cx - headRx * 0.42}" y="${neckTop}" width="${headRx * 0.84}" height="${shoulderY - neckTop}" rx="30" fill="${palette.face}"/>`;
  const head = `<ellipse cx="${cx}" cy="${headY}" rx="${headRx}" ry="${headRy}" fill="${palette.face}"/>`;
  const top = headY - headRy;

  if (has(text, /\b(headscarf|hijab|scarf)\b/)) {
    const scarf = `<path d="M${cx - headRx * 1.35},${shoulderY + 20} C${cx - headRx * 1.5},${top - 40} ${cx + headRx * 1.5},${top - 40} ${cx + headRx * 1.35},${shoulderY + 20} Z" fill="${palette.accents[2]}"/>`;
    const face = `<ellipse cx="${cx}" cy="${headY + 12}" rx="${headRx * 0.78}" ry="${headRy * 0.82}" fill="${palette.face}"/>`;
    return `<path d="${shoulders}" fill="${palette.clothing}"/>${scarf}${face}${extras(text, cx, headY, headRx, headRy, hair)}`;
  }
  const long = has(text, /\b(long|braid|braided hair|flowing)\b/) && !has(text, /\bbeard\b/);
  const back = long
    ? `<path d="M${cx - headRx * 1.2},${shoulderY + 90} C${cx - headRx * 1.45},${top} ${cx + headRx * 1.45},${top} ${cx + headRx * 1.2},${shoulderY + 90} Z" fill="${hair}"/>`
    : has(text, /\bbob\b/)
      ? `<path d="M${cx - headRx * 1.22},${headY + headRy * 0.55} C${cx - headRx * 1.4},${top - 30} ${cx + headRx * 1.4},${top - 30} ${cx + headRx * 1.22},${headY + headRy * 0.55} Z" fill="${hair}"/>`
      : '';
  const curly = has(text, /\b(curly|curls|afro)\b/);
  const cap = curly
    ? Array.from({ length: 9 }, (_, i) => {
        const angle = Math.PI * (1.05 + (i / 8) * 0.9);
        return `<circle cx="${cx + Math.cos(angle) * headRx * 0.95}" cy="${headY - headRy * 0.25 + Math.sin(angle) * headRy * 0.85}" r="${headRx * 0.42}" fill="${hair}"/>`;
      }).join('')
    : `<path d="M${cx - headRx * 1.04},${headY - headRy * 0.2} C${cx - headRx * 1.12},${top - 80} ${cx + headRx * 1.12},${top - 80} ${cx + headRx * 1.04},${headY - headRy * 0.2} C${cx + headRx * 0.6},${top + random.int(10, 30)} ${cx - headRx * 0.4},${top + random.int(20, 40)} ${cx - headRx * 1.04},${headY - headRy * 0.2} Z" fill="${hair}"/>`;
  return `<path d="${shoulders}" fill="${palette.clothing}"/>${back}${neck}${head}${cap}${extras(text, cx, headY, headRx, headRy, hair)}`;
}

function extras(text: string, cx: number, headY: number, rx: number, ry: number, hair: string): string {
  const beard = has(text, /\bbeard\b/)
    ? `<path d="M${cx - rx * 0.97},${headY + ry * 0.3} C${cx - rx * 0.9},${headY + ry * 1.3} ${cx + rx * 0.9},${headY + ry * 1.3} ${cx + rx * 0.97},${headY + ry * 0.3} C${cx + rx * 0.5},${headY + ry * 0.78} ${cx - rx * 0.5},${headY + ry * 0.78} ${cx - rx * 0.97},${headY + ry * 0.3} Z" fill="${hair}"/>`
    : '';
  const glasses = has(text, /\b(glasses|spectacles)\b/)
    ? `<g fill="none" stroke="#1c1c22" stroke-width="9"><circle cx="${cx - rx * 0.42}" cy="${headY - ry * 0.08}" r="${rx * 0.3}"/><circle cx="${cx + rx * 0.42}" cy="${headY - ry * 0.08}" r="${rx * 0.3}"/><path d="M${cx - rx * 0.12},${headY - ry * 0.1} L${cx + rx * 0.12},${headY - ry * 0.1}"/></g>`
    : '';
  return beard + glasses;
}
