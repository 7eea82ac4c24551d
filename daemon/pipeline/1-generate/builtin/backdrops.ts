import type { Palette } from './palette.js';
import type { Random } from './seeded-random.js';
import type { BackdropKind } from './style-look.js';

/** SVG drawn behind the figure, and over it (letterbox bars, blind shadows), inside the portrait area. */
export interface Backdrop {
  behind: string;
  over: string;
}

const WIDTH = 1024;

/**
 * The style's composition for a portrait area `height` units tall; the seed moves, sizes and counts
 * its shapes, so two seeds of one style still differ at a glance.
 */
export function drawBackdrop(kind: BackdropKind, random: Random, palette: Palette, height: number): Backdrop {
  const [a, b, c] = palette.accents as [string, string, string];
  switch (kind) {
    case 'seamless': {
      // A soft spotlight on the paper behind the head: stacked translucent discs fade out like a light falloff.
      const x = 512 + random.int(-160, 160);
      const y = random.int(240, 360);
      const discs = [440, 360, 280, 200].map((r, i) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${a}" opacity="${0.18 + i * 0.12}"/>`).join('');
      const floor = `<rect y="${height - random.int(150, 230)}" width="${WIDTH}" height="300" fill="${b}" opacity="0.25"/>`;
      return { behind: discs + floor, over: '' };
    }
    case 'letterbox': {
      // Light raking in from a corner, in the accent's orange, and black bars as on a wide screen.
      const fromX = random.int(0, 1) ? random.int(-100, 150) : random.int(870, 1120);
      const rays = Array.from({ length: random.int(3, 5) }, (_, i) => {
        const spread = random.int(60, 140);
        const toX = random.int(0, WIDTH);
        return `<polygon points="${fromX},-20 ${toX - spread},${height} ${toX + spread},${height}" fill="${i % 2 ? b : a}" opacity="${random.between(0.25, 0.5).toFixed(2)}"/>`;
      }).join('');
      const bar = random.int(56, 84);
      return {
        behind: rays,
        over: `<rect width="${WIDTH}" height="${bar}" fill="#050505"/><rect y="${height - bar}" width="${WIDTH}" height="${bar}" fill="#050505"/>`,
      };
    }
    case 'blinds': {
      // Bars of hard light from a window blind, falling across the wall and the figure alike.
      const slant = random.int(-260, 260);
      const pitch = random.int(70, 110);
      const thickness = Math.round(pitch * random.between(0.35, 0.55));
      const start = random.int(-pitch, 0);
      const bars = (opacity: number) =>
        Array.from({ length: Math.ceil((height + 300) / pitch) }, (_, i) => {
          const y = start + i * pitch - 150;
          return `<polygon points="0,${y} ${WIDTH},${y + slant} ${WIDTH},${y + slant + thickness} 0,${y + thickness}" fill="${a}" opacity="${opacity}"/>`;
        }).join('');
      return { behind: bars(0.85), over: bars(0.22) };
    }
    case 'sun': {
      // A low sun with a halo behind the shoulders, over a darker band of land.
      const x = 512 + random.int(-260, 260);
      const y = random.int(420, 560);
      const halo = [420, 300, 200].map((r, i) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${[c, b, a][i]}" opacity="${0.25 + i * 0.2}"/>`).join('');
      const sun = `<circle cx="${x}" cy="${y}" r="${random.int(110, 150)}" fill="#fff4d6" opacity="0.95"/>`;
      const land = `<rect y="${y + random.int(40, 110)}" width="${WIDTH}" height="${height}" fill="${palette.clothing}" opacity="0.55"/>`;
      return { behind: halo + sun + land, over: '' };
    }
    case 'blocks': {
      // Hard-edged colour blocks and a big ring, as on a magazine cover.
      const split = random.int(300, 720);
      const blocks = `<rect width="${split}" height="${height}" fill="${a}"/><rect x="${split}" y="${random.int(0, 300)}" width="${WIDTH - split}" height="${height}" fill="${b}"/>`;
      const ring = `<circle cx="${random.int(150, 870)}" cy="${random.int(150, 450)}" r="${random.int(150, 230)}" fill="none" stroke="${c}" stroke-width="${random.int(40, 70)}"/>`;
      const dots = Array.from(
        { length: random.int(5, 9) },
        () => `<circle cx="${random.int(0, WIDTH)}" cy="${random.int(0, height)}" r="${random.int(14, 34)}" fill="${c}"/>`,
      ).join('');
      return { behind: blocks + ring + dots, over: '' };
    }
  }
}
