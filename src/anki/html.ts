import { Marked, type Tokens } from 'marked';
import { stripControl } from '../bank/control-chars.js';

/** Bank text is untrusted: every character of it reaches Anki as text, never as markup. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Private-use marks around a formula's number: they survive Markdown untouched, and any
// the bank itself holds are removed first, so a bank cannot forge one.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

const marked = new Marked({ gfm: true, async: false }).use({
  renderer: {
    // Raw HTML in a bank is shown as the text it is: no script, style or handler reaches a card.
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    link(this: { parser: { parseInline(t: Tokens.Generic[]): string } }, { href, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      return /^https?:\/\//i.test(href) ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
    },
    // Images would load from wherever the bank points; the alt text says what was there.
    image: ({ text }: Tokens.Image) => escapeHtml(text),
  },
});

/**
 * Formulas become MathJax as Anki writes it (`\(…\)` inline, `\[…\]` display), outside
 * code spans and fences, by the same rules as the terminal renderer (src/format/math.ts).
 */
function withMath(md: string, render: (md: string) => string): string {
  const formulas: string[] = [];
  const keep = (tex: string, display: boolean) => {
    formulas.push(display ? `\\[${escapeHtml(tex.trim())}\\]` : `\\(${escapeHtml(tex)}\\)`);
    return `${OPEN}${formulas.length - 1}${CLOSE}`;
  };
  const parts = stripControl(md)
    .replace(MARKS, '')
    .split(/(```[\s\S]*?```|`[^`\n]*`)/);
  const marked = parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\$\$([\s\S]+?)\$\$/g, (_, m: string) => keep(m, true))
            .replace(/(^|[^\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\d)/g, (_, pre: string, m: string) => pre + keep(m, false)),
    )
    .join('');
  return render(marked).replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), (_, n: string) => formulas[Number(n)] ?? '');
}

/** A Markdown text (an answer) as safe HTML. */
export const blockHtml = (md: string): string => withMath(md, (s) => (marked.parse(s) as string).trim());

/** Nothing Markdown or MathJax would read: such text is only escaped, which is most key points, and quick. */
const PLAIN = /^[^*_`[\]<>!\\~&$|#:\n]*$/;

/** A one-line text (a choice, a key point) as safe inline HTML. */
export const inlineHtml = (md: string): string => (PLAIN.test(md) ? escapeHtml(stripControl(md)) : withMath(md, (s) => marked.parseInline(s) as string));

/** The text Anki sorts and checks duplicates by: the field without its markup. */
export function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
