/**
 * Up to two initials for a placeholder poster, from the name's words that start with a letter:
 * "0003_east_asian_27_female" → "EA", "Jane Doe" → "JD". A name with no such word gives its first character.
 */
export function initials(name: string): string {
  const words = name.split(/[\s_\-.]+/).filter((word) => /^\p{L}/u.test(word));
  const letters = words.slice(0, 2).map((word) => [...word][0]!.toLocaleUpperCase());
  return letters.join('') || [...name.trim()][0]?.toLocaleUpperCase() || '?';
}

/** A stable hue (0–359) per name, so each actor's placeholder has its own colour across reloads. */
export function nameHue(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 360;
}
