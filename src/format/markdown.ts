import { Marked, type MarkedExtension, type RendererObject, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { visibleWidth } from './ansi.js';
import { DISPLAY_MATH, renderMathInMarkdown } from './math.js';
import { wrapHanging } from './text.js';

const TAB = 2;
const pad = (n: number) => ' '.repeat(n);
/** Stands for a hard line break (`br`) until the paragraph it is in has been wrapped. */
const HARD_BREAK = '\r';

type TermRenderer = Record<string, (...args: unknown[]) => string>;
type This = ThisParameterType<NonNullable<RendererObject['paragraph']>>;

let cached: { width: number; marked: Marked } | undefined;

/**
 * Markdown (with `$...$` formulas) to terminal text: bold, lists, code, tables. No line is
 * wider than `width` columns, and a word is cut only when it alone is longer than its line.
 */
export function renderMarkdown(md: string, width = 80): string {
  if (cached?.width !== width) cached = { width, marked: terminalMarked(width) };
  const out = cached.marked.parse(renderMathInMarkdown(md), { async: false }) as string;
  return out.replace(/\n+$/, '');
}

/**
 * marked-terminal styles the inline spans (bold, code, links) and the blocks; the blocks
 * are wrapped here instead. Its own reflow skips list items, whose long lines the terminal
 * then cut mid-word, and knows one width for every block however deeply it is indented.
 */
function terminalMarked(width: number): Marked {
  const tableOptions: Record<string, unknown> = {};
  // marked-terminal's types lag behind marked's extension API; the runtime shape is right.
  const term = markedTerminal({ width, reflowText: false, tab: TAB, showSectionPrefix: false, emoji: false, tableOptions }) as unknown as MarkedExtension;
  const marked = new Marked();
  marked.use(term);
  marked.use({ renderer: blocks(term.renderer as unknown as TermRenderer, { width, depth: 0 }, tableOptions) });
  return marked;
}

/** The room left for a block: the columns inside the indents around it, and how deep in lists it is. */
interface Room {
  width: number;
  depth: number;
}

/** Runs `render` with `by` fewer columns, as a nested block is indented by its parent. */
function narrower<T>(room: Room, by: number, render: () => T, deeper = 0): T {
  room.width -= by;
  room.depth += deeper;
  try {
    return render();
  } finally {
    room.width += by;
    room.depth -= deeper;
  }
}

/** A styled paragraph wrapped to the room, keeping its hard line breaks. */
const fill = (text: string, width: number) =>
  text
    .replace(/\n+$/, '')
    .split(HARD_BREAK)
    .map((line) => wrapHanging(line, width))
    .join('\n');

const section = (text: string) => `${text}\n\n`;

function blocks(term: TermRenderer, room: Room, tableOptions: Record<string, unknown>): RendererObject {
  /** Inline tokens rendered and styled as marked-terminal does for a paragraph, before any wrapping. */
  const inline = (self: This, tokens: Tokens.Generic[]) => term.paragraph!.call(self, { type: 'paragraph', raw: '', text: '', tokens });
  return {
    // A tight list item's text is a block `text` token with inline children; marked-terminal
    // printed its raw source, so `**`, backticks and `\_` showed inside list items.
    text(token) {
      return 'tokens' in token && token.tokens ? inline(this, token.tokens) : term.text!.call(this, token);
    },
    br: () => HARD_BREAK,
    paragraph(token) {
      return section(fill(term.paragraph!.call(this, token), room.width));
    },
    heading(token) {
      return section(fill(term.heading!.call(this, token), room.width));
    },
    list(token) {
      const lines = token.items.map((item, i) => listItem(this, item, token.ordered ? `${Number(token.start || 1) + i}. ` : '* '));
      // Only the outermost list is indented; a nested one starts under its parent's text.
      const indent = room.depth === 0 ? pad(TAB) : '';
      return section(lines.flatMap((l) => l.split('\n').map((line) => (line ? indent + line : line))).join('\n'));
    },
    blockquote(token) {
      return narrower(room, TAB, () => term.blockquote!.call(this, token));
    },
    code(token) {
      if (token.lang === DISPLAY_MATH) return section(wrapHanging(token.text, room.width, pad(TAB), pad(2 * TAB)));
      const text = token.text
        .split('\n')
        .map((line) => codeLine(line, room.width - TAB))
        .join('\n');
      return term.code!.call(this, { ...token, text });
    },
    table(token) {
      // cli-table3 wraps cells on spaces when given column widths; its borders take n + 1 columns.
      const n = token.header.length;
      Object.assign(tableOptions, { wordWrap: true, colWidths: Array(n).fill(Math.max(3, Math.floor((room.width - n - 1) / n))) });
      return term.table!.call(this, token);
    },
    hr: () => section('-'.repeat(room.width)),
    html(token) {
      const html = term.html!.call(this, token);
      return token.block ? section(fill(html, room.width)) : html;
    },
  };

  /** One item: its blocks wrapped to the room after the marker, the lines after the first hanging under the text. */
  function listItem(self: This, item: Tokens.ListItem, marker: string): string {
    if (item.task) marker += `[${item.checked ? 'x' : ' '}] `;
    const inner = narrower(room, (room.depth === 0 ? TAB : 0) + marker.length, () => itemBlocks(self, item), 1);
    return inner
      .split('\n')
      .filter((l) => visibleWidth(l) > 0)
      .map((l, i) => (i === 0 ? marker : pad(marker.length)) + l)
      .join('\n');
  }

  function itemBlocks(self: This, item: Tokens.ListItem): string {
    return (
      item.tokens
        .filter((t) => t.type !== 'space')
        // Not as a top-level block: marked would wrap the rendered text in a paragraph and strip its colour codes.
        .map((t) => (t.type === 'text' ? fill(self.parser.parse([t], false), room.width) : self.parser.parse([t]).replace(/\n+$/, '')))
        .join('\n')
    );
  }
}

/** A code line too long for the room breaks at a space and goes on indented a little deeper than it began. */
function codeLine(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line;
  const indent = /^\s*/.exec(line)![0];
  return wrapHanging(line.trimStart(), width, indent, indent + pad(TAB));
}
