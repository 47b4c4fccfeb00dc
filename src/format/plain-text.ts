import { renderInline } from './math.js';
import { wrapHanging } from './text.js';

// Anything Markdown would read as markup: emphasis, code, headings, quotes, tables, links,
// HTML, escapes, list markers, display formulas.
const MARKUP = /[*_`#>|[\]<\\~]|^\s*([-+]|\d+[.)])\s|\$\$|^\s{4}/m;

/** True when `md` is only paragraphs of text and `$...$` formulas: it renders without marked. */
export function isPlainText(md: string): boolean {
  // Inside a formula, backslashes and underscores are LaTeX, not markup.
  return !md.includes('$$') && !MARKUP.test(md.replace(/\$[^$\n]+\$/g, 'x'));
}

/**
 * Plain paragraphs wrapped to `width`, as renderMarkdown prints them. Most prompts are
 * plain, and rendering them without marked keeps it (and marked-terminal) off the path
 * to the first question; a test holds the two to the same output.
 */
export function renderPlainText(md: string, width: number): string {
  return md
    .trim()
    .split(/\n[ \t]*\n/)
    .map((p) => wrapHanging(renderInline(p.replace(/\s+/g, ' ').trim()), width))
    .join('\n\n');
}
