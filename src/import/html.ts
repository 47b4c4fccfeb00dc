const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  times: '×',
  minus: '−',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (all, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? all;
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '';
  });
}

/** Removes every block from `open` to `close` in one pass (a regex would go quadratic on many unclosed openings); an unclosed one takes the rest. */
function dropBlocks(html: string, open: string, close: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    const start = lower.indexOf(open, from);
    if (start < 0) return out + html.slice(from);
    out += html.slice(from, start);
    const end = lower.indexOf(close, start + open.length);
    if (end < 0) return out;
    from = end + close.length;
  }
}

/** `<a href="u">text</a>` to `[text](u)`, pairing tags with a stack; other links keep their text. */
function links(html: string): string {
  const open: (string | undefined)[] = [];
  return html.replace(/<a\b[^>]{0,2000}>|<\/a\s*>/gi, (tag) => {
    if (tag[1] !== '/') {
      const href = attr(tag, 'href');
      const ok = href && /^https?:/i.test(href) ? href : undefined;
      open.push(ok);
      return ok ? '[' : '';
    }
    const href = open.pop();
    return href ? `](${href})` : '';
  });
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/**
 * Pure: an Anki field's HTML to the Markdown a bank holds. Bold, italics, lists, line
 * breaks, links and images keep their meaning, MathJax `\( \)` and `\[ \]` become
 * `$ $` and `$$ $$`, sounds are dropped, every other tag goes and entities are decoded.
 * Scripts and styles go with their content: nothing in a note is ever run.
 */
export function htmlToMarkdown(html: string): string {
  const out = links(dropBlocks(dropBlocks(dropBlocks(html, '<!--', '-->'), '<script', '</script>'), '<style', '</style>'))
    .replace(/\[sound:[^\]]*\]/g, '')
    .replace(/\r?\n/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(?:div|p|h[1-6]|ul|ol|table|tr|blockquote|pre)\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(?:li|td|th)\s*>/gi, (m) => (/li/i.test(m) ? '' : ' '))
    .replace(/<\/?(?:b|strong)\b[^>]*>/gi, '**')
    .replace(/<\/?(?:i|em)\b[^>]*>/gi, '*')
    .replace(/<\/?code\b[^>]*>/gi, '`')
    .replace(/<img\b[^>]*>/gi, (tag) => {
      const src = attr(tag, 'src');
      return src ? `![${attr(tag, 'alt') ?? ''}](${src})` : '';
    })
    .replace(/<[^>]*>/g, '');
  return decodeEntities(out)
    .replace(/\\\(([\s\S]{0,4000}?)\\\)/g, (_, m: string) => `$${m.trim()}$`)
    .replace(/\\\[([\s\S]{0,4000}?)\\\]/g, (_, m: string) => `$$${m.trim()}$$`)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+(?!-)/g, '\n')
    .replace(/\*\*\s*\*\*/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
