import { pickPalette } from './palette.js';
import { createRandom, type Random } from './seeded-random.js';

/** The poster is drawn on a fixed 1024-unit canvas and scaled to the requested size. */
const CANVAS = 1024;
const FONT = 'DejaVu Sans, sans-serif';
const DESCRIPTION_CHARS_PER_LINE = 52;
const DESCRIPTION_MAX_LINES = 4;

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
  const words = text.trim().split(/\s+/).filter(Boolean).flatMap((w) => w.match(new RegExp(`.{1,${width}}`, 'gu')) ?? []);
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

function shapes(random: Random, colours: string[]): string {
  return Array.from({ length: random.int(6, 10) }, (_, i) => {
    const fill = colours[i % colours.length];
    const opacity = random.between(0.25, 0.6).toFixed(2);
    const [x, y] = [random.int(0, CANVAS), random.int(0, CANVAS)];
    if (random.next() < 0.5) return `<circle cx="${x}" cy="${y}" r="${random.int(60, 260)}" fill="${fill}" opacity="${opacity}"/>`;
    const points = Array.from({ length: 3 }, () => `${x + random.int(-300, 300)},${y + random.int(-300, 300)}`).join(' ');
    return `<polygon points="${points}" fill="${fill}" opacity="${opacity}"/>`;
  }).join('');
}

/** Head and shoulders, nudged by the seed so each poster's figure differs a little. */
function silhouette(random: Random, fill: string): string {
  const cx = CANVAS / 2 + random.int(-60, 60);
  const headY = random.int(330, 380);
  const headR = random.int(95, 120);
  const shoulderY = headY + headR + random.int(40, 70);
  const spread = random.int(230, 300);
  const body = `M${cx - spread},${CANVAS} C${cx - spread},${shoulderY} ${cx - 60},${shoulderY - 30} ${cx},${shoulderY - 30} C${cx + 60},${shoulderY - 30} ${cx + spread},${shoulderY} ${cx + spread},${CANVAS} Z`;
  return `<g fill="${fill}"><ellipse cx="${cx}" cy="${headY}" rx="${headR * 0.82}" ry="${headR}"/><path d="${body}"/></g>`;
}

/** The offline poster as an SVG document: all text XML-escaped, layout fixed, colours and shapes from the seed. */
export function buildPosterSvg(input: PosterInput): string {
  const random = createRandom(input.seed);
  const palette = pickPalette(random, input.style);
  // DejaVu Sans averages ~0.6 em per character; keep the name inside the canvas margins.
  const nameSize = Math.min(84, Math.floor((CANVAS - 100) / (0.62 * Math.max(1, input.name.length))));
  const description = wrapText(input.description, DESCRIPTION_CHARS_PER_LINE, DESCRIPTION_MAX_LINES)
    .map((line, i) => `<tspan x="512" dy="${i === 0 ? 0 : 36}">${escapeXml(line)}</tspan>`)
    .join('');
  const [from, to] = palette.background;
  const label = `OFFLINE GENERATOR · seed ${input.seed}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${input.width}" height="${input.height}" viewBox="0 0 ${CANVAS} ${CANVAS}" preserveAspectRatio="xMidYMid slice">
<defs><linearGradient id="bg" x1="0" y1="0" x2="${random.between(0.3, 1).toFixed(2)}" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>
<linearGradient id="shade" x1="0" y1="0" x2="0" y2="1"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.7"/></linearGradient></defs>
<rect width="${CANVAS}" height="${CANVAS}" fill="url(#bg)"/>${shapes(random, palette.accents)}${silhouette(random, palette.figure)}
<rect width="${CANVAS}" height="${CANVAS}" fill="url(#shade)"/>
<g font-family="${FONT}" text-anchor="middle" fill="#f8f8fc">
<text x="512" y="790" font-size="${nameSize}" font-weight="bold">${escapeXml(input.name)}</text>
<text x="512" y="850" font-size="28">${description}</text>
</g>
<rect x="24" y="24" width="${Math.ceil(label.length * 14.5) + 32}" height="44" rx="10" fill="#000" opacity="0.55"/>
<text x="40" y="54" font-family="${FONT}" font-size="22" font-weight="bold" fill="#ffd34d">${escapeXml(label)}</text>
</svg>`;
}
