import { stripVTControlCharacters } from 'node:util';

/** Columns a string takes on screen: escape sequences take none, every code point one (the blocks, Greek and math symbols used are one cell each). */
export function visibleWidth(s: string): number {
  return [...stripVTControlCharacters(s)].length;
}

/**
 * CSI sequences (colours) and OSC sequences (hyperlinks), the escape codes chalk and
 * marked-terminal emit, for String.split: the sequences land at the odd indices.
 */
export const ESCAPE_SPLIT = /(\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\))/;

/** SGR parameter that ends each family of styles (bold and dim share 22, every foreground colour 39). */
function closerOf(code: number): number | undefined {
  if (code === 1 || code === 2) return 22;
  if ([3, 4, 5, 7, 8, 9].includes(code)) return 20 + code;
  if ((code >= 30 && code <= 38) || (code >= 90 && code <= 97)) return 39;
  if ((code >= 40 && code <= 48) || (code >= 100 && code <= 107)) return 49;
  if (code === 53) return 55;
  return undefined;
}

/** The style sequences still open after `s`, given those open before it. */
function openStyles(s: string, open: string[]): string[] {
  let active = [...open];
  for (const m of s.matchAll(/\x1b\[([\d;]*)m/g)) {
    const code = Number(m[1]!.split(';')[0] || 0);
    if (code === 0) active = [];
    else if (closerOf(code) !== undefined) active.push(m[0]);
    else active = active.filter((seq) => closerOf(Number(/\d+/.exec(seq)![0])) !== code);
  }
  return active;
}

/**
 * Makes every line carry its own styles: a bold or coloured span cut by a line break is
 * closed at the line's end and reopened on the next line, so that the prefix put before a
 * line (a bullet, an indent) and whatever the caller writes between lines stay unstyled.
 */
export function carryStyles(lines: string[]): string[] {
  let open: string[] = [];
  return lines.map((line) => {
    const before = open.join('');
    open = openStyles(line, open);
    const close = [...new Set(open.map((seq) => `\x1b[${closerOf(Number(/\d+/.exec(seq)![0]))}m`))].join('');
    return before + line + close;
  });
}
