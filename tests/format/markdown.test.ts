import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/format/markdown.js';
import { oneLine } from '../../src/format/text.js';
import { shippedMarkdown, type ShippedText } from './shipped-texts.js';

const plain = (s: string) => stripVTControlCharacters(s);
const columns = (line: string) => [...plain(line)].length;
const lines = (s: string) => plain(s).split('\n');
const tokens = (s: string) => plain(s).split(/\s+/).filter(Boolean);
/** Letters and digits only, so that markup and punctuation around a word do not matter. */
const words = (s: string) => plain(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Lines wider than `width`, for a readable failure. */
const tooWide = (out: string, width: number) => lines(out).filter((l) => columns(l) > width);

/** Markup that must never reach the screen. */
const ARTEFACTS: [string, RegExp][] = [
  ['**', /\*\*/],
  ['\\_', /\\_/],
  ['\\*', /\\\*/],
  ['a $ formula delimiter', /(?:^|[^\\$])\$(?!\s)[^$\n]+?(?<!\s)\$(?!\d)|\$\$/],
  ['a backtick', /`/],
];

/** Code is shown as written (`x**2`, `$HOME`), so the artefact check looks at everything else. */
const withoutCode = (md: string) => md.replace(/```[\s\S]*?```/g, '').replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, 'code');

let texts: ShippedText[];
beforeAll(async () => {
  texts = await shippedMarkdown();
});

describe('Markdown in list items', () => {
  it('regression: bold, code spans and escapes inside list items were printed raw ("* **Explicit**: … min\\_w")', () => {
    const out = plain(renderMarkdown('Two families:\n\n- **Explicit**: a penalty $\\min_w L(w) + \\lambda R(w)$, `np.abs`\n- a \\*literal\\* star', 80));
    expect(out).toContain('* Explicit: a penalty min_w L(w) + λ R(w), np.abs');
    expect(out).toContain('* a *literal* star');
    expect(out).not.toMatch(/\*\*|\\|`/);
  });

  it('renders ordered, nested and loose lists inline too', () => {
    const out = plain(renderMarkdown('1. **one** $x_i$\n   - `two` and *three*\n\n2. four\n\n   more **five**', 80));
    expect(out).toBe('  1. one xᵢ\n     * two and three\n  2. four\n     more five');
  });

  it('regression: a display formula printed its Markdown escapes ("P(θ \\| D)", "Σ\\_(θ\')")', () => {
    const out = plain(renderMarkdown("Bayes:\n$$P(\\theta \\mid D) = \\sum_{\\theta'} P(D \\mid \\theta')$$\n\n- then a list", 80));
    expect(out).toBe("Bayes:\n\n  P(θ | D) = Σ_(θ') P(D | θ')\n\n  * then a list");
  });

  it('keeps a display formula inside the list item it is in', () => {
    const out = plain(renderMarkdown('- first:\n\n  $$a_i = b_i$$\n- second', 80));
    expect(out).toBe('  * first:\n      aᵢ = bᵢ\n  * second');
  });

  it('regression: no shipped prompt or answer leaves **, \\_, \\*, backticks or $ delimiters on screen', () => {
    const found: string[] = [];
    for (const { name, md } of texts) {
      const out = plain(renderMarkdown(withoutCode(md), 100));
      for (const [what, re] of ARTEFACTS) if (re.test(out)) found.push(`${name}: ${what} in ${JSON.stringify(re.exec(out)![0])}`);
    }
    expect(found).toEqual([]);
  });
});

describe('Markdown wrapped to the terminal', () => {
  it('regression: below 42 columns lines overflowed (the width was raised to 40 + 2)', () => {
    const md = '- a list item with several words that must wrap at a narrow width\n\nand a paragraph that must wrap as well';
    for (const width of [20, 30, 41]) expect(tooWide(renderMarkdown(md, width), width)).toEqual([]);
  });

  it('regression: list items split words mid-word ("jitte/r", "s/table") and did not wrap at all', () => {
    const out = renderMarkdown('- **Jitter**: add a random delay so that retries do not stay in lockstep and the queue remains stable under load', 40);
    expect(lines(out)).toEqual([
      '  * Jitter: add a random delay so that',
      '    retries do not stay in lockstep and',
      '    the queue remains stable under load',
    ]);
  });

  it('cuts only a word longer than its line, and wraps code lines on spaces under their indent', () => {
    expect(lines(renderMarkdown('see https://example.com/a/long/path/name', 20))).toEqual(['see', 'https://example.com/', 'a/long/path/name']);
    expect(lines(renderMarkdown('```\n    total = first_value + second_value\n```', 24))).toEqual([
      '      total =',
      '        first_value +',
      '        second_value',
    ]);
  });

  it.each([40, 60, 100])('regression: every shipped prompt and answer fits %i columns with every word whole', (width) => {
    const problems: string[] = [];
    for (const { name, md } of texts) {
      const out = renderMarkdown(md, width);
      for (const l of tooWide(out, width)) problems.push(`${name}: ${columns(l)} columns: ${l}`);
      // Wrapping may only move line breaks: the words read as they do with no width limit.
      const cut = cutWords(tokens(renderMarkdown(md, 10_000)), shownWords(out, width));
      if (cut) problems.push(`${name}: ${cut}`);
      const missing = missingWords(words(oneLine(md)), words(out));
      if (missing.length) problems.push(`${name}: missing ${missing.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});

/** A word on screen, and whether it begins a line that is filled to the width. */
interface Shown {
  word: string;
  fillsLine: boolean;
}

const shownWords = (out: string, width: number): Shown[] =>
  lines(out).flatMap((line) => tokens(line).map((word, i) => ({ word, fillsLine: i === 0 && columns(line) === width })));

/**
 * The first word of `wide` that `narrow` does not show whole, or undefined. Only a word
 * longer than its line may be cut: its first piece then starts a line and fills it.
 */
function cutWords(wide: string[], narrow: Shown[]): string | undefined {
  let j = 0;
  for (const word of wide) {
    const first = narrow[j];
    let joined = first?.word ?? '';
    while (first?.fillsLine && joined.length < word.length && j + 1 < narrow.length) joined += narrow[++j]!.word;
    if (joined !== word)
      return `"${word}" shown as "${narrow
        .slice(Math.max(0, j - 1), j + 2)
        .map((s) => s.word)
        .join(' ')}"`;
    j++;
  }
  return j === narrow.length
    ? undefined
    : `extra words: ${narrow
        .slice(j)
        .map((s) => s.word)
        .join(' ')}`;
}

/** The words of the source missing on screen, counting repeats. */
function missingWords(source: string[], shown: string[]): string[] {
  const left = new Map<string, number>();
  for (const w of shown) left.set(w, (left.get(w) ?? 0) + 1);
  return source.filter((w) => {
    const n = left.get(w) ?? 0;
    left.set(w, n - 1);
    return n <= 0;
  });
}
