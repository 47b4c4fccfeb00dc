import { carryStyles, ESCAPE_SPLIT, visibleWidth } from './ansi.js';
import { renderInline } from './math.js';

/** Greedy word wrap; a word longer than the width gets a line of its own. Counts code points. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (cur && [...cur].length + 1 + [...word].length > width) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Cuts to `width` characters with an ellipsis; counts code points, as the blocks and symbols used are one cell each. */
export function fit(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : chars.slice(0, Math.max(0, width - 1)).join('') + '…';
}

/**
 * A Markdown prompt as one line of plain text: formulas rendered, code blocks elided,
 * heading and quote markers dropped where they are markers (at a line's start), so
 * that a `>` or `#` inside the text ("xᵀAx > 0") stays.
 */
export function oneLine(prompt: string): string {
  // Code blocks go first: renderInline would otherwise read their fences as code spans.
  return renderInline(prompt.replace(/```[\s\S]*?```/g, ' … '))
    .replace(/^[ \t]*(?:#{1,6}|>)[ \t]?/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A prompt cut to one line of `width` characters, for tables and lists. */
export function shortPrompt(prompt: string, width: number): string {
  return fit(oneLine(prompt), Math.max(1, width));
}

/**
 * Wraps one paragraph, which may hold ANSI colour codes, on spaces into lines of at most
 * `width` visible columns: the first line starts with `first`, the others with `rest`
 * (for a bullet or a choice letter with its text hanging under it, e.g. `❯ b) ` and five
 * spaces). Runs of whitespace, newlines included, count as one space. Only a word longer
 * than its line is cut; a prefix as wide as `width` still gets one column of text per line.
 * Styles cut by a line break are closed and reopened, so every line stands on its own.
 */
export function wrapHanging(text: string, width: number, first = '', rest = first): string {
  const room = (line: number) => Math.max(1, width - visibleWidth(line === 0 ? first : rest));
  return carryStyles(fillLines(words(text), room))
    .map((l, i) => (i === 0 ? first : rest) + l)
    .join('\n');
}

/** The words of a text; a piece that is only escape codes sticks to the next word so that it adds no space. */
function words(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const piece of text.split(/\s+/).filter(Boolean)) {
    if (visibleWidth(piece) === 0) pending += piece;
    else {
      out.push(pending + piece);
      pending = '';
    }
  }
  if (pending && out.length) out[out.length - 1] += pending;
  else if (pending) out.push(pending);
  return out;
}

/** Greedy fill; `room(i)` is the width left for the text of line i. */
function fillLines(all: string[], room: (line: number) => number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (let word of all) {
    if (cur && visibleWidth(cur) + 1 + visibleWidth(word) <= room(lines.length)) {
      cur += ` ${word}`;
      continue;
    }
    if (cur) lines.push(cur);
    if (visibleWidth(word) > room(lines.length)) word = cutLongWord(word, room, lines);
    cur = word;
  }
  if (cur || !lines.length) lines.push(cur);
  return lines;
}

/**
 * Cuts a word longer than its line into lines of `room` columns, pushing all but the last
 * piece, which it returns. One pass over the word: a bank can hold a word of any length,
 * and cutting it piece by piece from the front took seconds for a long one.
 */
function cutLongWord(word: string, room: (line: number) => number, lines: string[]): string {
  // Escape sequences take no column and are never split; closing codes after the last
  // visible character stay with the piece they close.
  const units = word.split(ESCAPE_SPLIT).flatMap((part, i) => (i % 2 ? [{ s: part, w: 0 }] : [...part].map((ch) => ({ s: ch, w: 1 }))));
  let visibleLeft = units.reduce((a, u) => a + u.w, 0);
  let piece = '';
  let cols = 0;
  for (const u of units) {
    if (u.w && cols === room(lines.length) && visibleLeft > 0) {
      lines.push(piece);
      piece = '';
      cols = 0;
    }
    piece += u.s;
    cols += u.w;
    visibleLeft -= u.w;
  }
  return piece;
}
