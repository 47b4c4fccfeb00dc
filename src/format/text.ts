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
