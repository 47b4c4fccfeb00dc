import { CONTROL } from '../bank/control-chars.js';
import { MAX_TEXT } from '../bank/schema.js';
import type { Difficulty } from '../bank/types.js';
import type { Draft, ImageLink, Skipped } from './types.js';

/** BOM and CRLF gone, control characters removed (and counted): notes from strangers may not drive the terminal. */
export function cleanInput(text: string): { text: string; controls: number } {
  const t = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let controls = 0;
  const out = t.replace(CONTROL, () => {
    controls++;
    return '';
  });
  return { text: out, controls };
}

// What people write where an answer is still to come.
const PLACEHOLDER =
  /^(?:answer(?: goes)? here|your answer here|answer|todo|to do|tbd|tba|tk|wip|coming soon|fill (?:me |this )?in|placeholder|n\/?a|xxx|\.{2,}|…|\?+|-+)?[.!:]*$/i;

/** The reason an answer is not one, or undefined when it is a real answer. */
export function placeholderReason(answer: string): string | undefined {
  const bare = answer
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!bare) return 'no answer';
  if (PLACEHOLDER.test(bare) || (/^(?:todo|tbd)\b/i.test(bare) && bare.length < 60)) return `placeholder answer "${bare}"`;
  return undefined;
}

// Bounded runs: an unclosed "![" or "<img" repeated on a long line must not go quadratic.
const IMAGE_MD = /!\[[^\]\n]{0,500}\]\(\s*<?([^)\s>]{1,2000})/g;
const IMAGE_HTML = /<img\b[^>]{0,500}?\bsrc\s*=\s*["']?([^"'\s>]{1,2000})/gi;

/** Relative image links of a text whose first line is `line`: the images live beside the notes and are not copied. */
export function relativeImages(text: string, line: number): ImageLink[] {
  const out: ImageLink[] = [];
  text.split('\n').forEach((l, i) => {
    for (const re of [IMAGE_MD, IMAGE_HTML])
      for (const m of l.matchAll(re)) if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(m[1]!)) out.push({ line: line + i, url: m[1]! });
  });
  return out;
}

const WORDS: Record<string, Difficulty> = {
  easy: 'easy',
  beginner: 'easy',
  basic: 'easy',
  junior: 'easy',
  medium: 'medium',
  intermediate: 'medium',
  mid: 'medium',
  moderate: 'medium',
  hard: 'hard',
  expert: 'hard',
  advanced: 'hard',
  senior: 'hard',
  difficult: 'hard',
};
/** Word marks: "(easy)", "[hard]". */
const WORD_MARK = new RegExp(`[([](${Object.keys(WORDS).join('|')})[)\\]]`, 'gi');

/** Emoji marks as most collections use them; a legend line in the notes overrides these. */
const DEFAULT_EMOJI: Record<string, Difficulty> = { '🟢': 'easy', '🟡': 'medium', '🟠': 'hard', '🔴': 'hard', '👶': 'easy', '🚀': 'hard' };
const STARS = new Set(['⭐', '🌟']);
/** An emoji with the joiner before it and the presentation selector after it ("\u200d⭐\ufe0f"). */
const EMOJI = /\u200d?(\p{Extended_Pictographic})\ufe0f?/gu;

export type Legend = Record<string, Difficulty>;

/** "Legend: 👶 easy ⭐️ medium 🚀 expert" → each emoji's difficulty. */
export function readLegend(line: string): Legend | undefined {
  if (!/legend/i.test(line)) return undefined;
  const legend: Legend = {};
  const re = new RegExp(`(\\p{Extended_Pictographic})[\\ufe0f\\u200d\\s]*(${Object.keys(WORDS).join('|')})\\b`, 'giu');
  for (const m of line.matchAll(re)) legend[m[1]!] = WORDS[m[2]!.toLowerCase()]!;
  return Object.keys(legend).length ? legend : undefined;
}

/**
 * The prompt without its difficulty marks, and the difficulty they meant: an emoji of
 * the legend, else a default one (🟢/🟡/🔴, 👶/🚀), else a count of ⭐ (one easy, two
 * medium, three or more hard), else a word mark such as "(hard)". Other emoji stay.
 */
export function difficultyMarks(prompt: string, legend?: Legend): { prompt: string; difficulty?: Difficulty } {
  const table = legend ?? DEFAULT_EMOJI;
  const isMark = (e: string) => e in table || (!legend && STARS.has(e));
  const marks = [...prompt.matchAll(EMOJI)].map((m) => m[1]!).filter(isMark);
  let difficulty: Difficulty | undefined;
  for (const e of marks) difficulty = table[e] ?? difficulty;
  const stars = marks.filter((e) => STARS.has(e)).length;
  if (!difficulty && stars) difficulty = stars === 1 ? 'easy' : stars === 2 ? 'medium' : 'hard';
  let rest = prompt.replace(EMOJI, (all, e: string) => (isMark(e) ? ' ' : all));
  const word = [...rest.matchAll(WORD_MARK)].at(-1);
  if (word) {
    difficulty ??= WORDS[word[1]!.toLowerCase()];
    rest = rest.replace(WORD_MARK, ' ');
  }
  return {
    prompt: rest
      .replace(/[ \t]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .trim(),
    ...(difficulty && { difficulty }),
  };
}

/** Formula images of GitHub's math renderer (`<img src="…render/math?math=\beta">`) back to `$\beta$`. */
export function mathImages(text: string): string {
  return text.replace(
    /<img\b[^>]{0,500}?\bsrc\s*=\s*["']https?:\/\/render\.githubusercontent\.com\/render\/math\?math=([^"']{0,4000})["'][^>]{0,500}>/gi,
    (all, tex: string) => {
      try {
        return `$${decodeURIComponent(tex.replace(/\+/g, ' ')).trim()}$`;
      } catch {
        return all;
      }
    },
  );
}

/** An answer's lines as a bank holds them: no layout-only `<br/>` lines, no blank runs, no blank edges. */
export function tidyAnswer(lines: string[]): string {
  return mathImages(
    lines
      .filter((l) => !/^\s*<(?:br|hr)\s*\/?>\s*$/i.test(l))
      .join('\n')
      // A line break written as HTML is a line break.
      .replace(/[ \t]*<br\s*\/?>[ \t]*(\n?)/gi, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  ).replace(/^(?:\*\*|__)?(?:a|answer)\s*:(?:\*\*|__)?\s*/i, '');
}

/**
 * The drafts that can become questions, and the rest as skipped: placeholder answers,
 * texts too long for a bank, and exact repeats (a prompt asked twice with two answers is
 * kept twice; its id gets a suffix).
 */
export function keepReal(drafts: Draft[], skipped: Skipped[]): Draft[] {
  const seen = new Map<string, Draft>();
  const out: Draft[] = [];
  for (const d of drafts) {
    const why = !d.prompt
      ? 'no question text'
      : (placeholderReason(d.answer) ??
        (d.prompt.length > MAX_TEXT || d.answer.length > MAX_TEXT ? `longer than ${MAX_TEXT.toLocaleString('en')} characters` : undefined));
    if (why) {
      skipped.push({ line: d.line, reason: why });
      continue;
    }
    const key = `${d.prompt.toLowerCase()}\n${d.answer}`;
    const first = seen.get(key);
    if (first) {
      skipped.push({ line: d.line, reason: `the same question and answer as line ${first.line}` });
      continue;
    }
    seen.set(key, d);
    out.push(d);
  }
  return out;
}
