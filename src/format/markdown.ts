import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { renderMathInMarkdown } from './math.js';

let cached: { width: number; marked: Marked } | undefined;

/** Markdown (with `$...$` formulas) to terminal text: bold, lists, code, tables. */
export function renderMarkdown(md: string, width = 80): string {
  if (cached?.width !== width) {
    const marked = new Marked();
    // marked-terminal's types lag behind marked's extension API; the runtime shape is right.
    marked.use(markedTerminal({ width: Math.max(40, width - 2), reflowText: true, tab: 2, showSectionPrefix: false, emoji: false }) as never);
    cached = { width, marked };
  }
  const out = cached.marked.parse(renderMathInMarkdown(md), { async: false }) as string;
  return out.replace(/\n+$/, '');
}
