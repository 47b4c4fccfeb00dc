import { cleanInput, difficultyMarks, keepReal, readLegend, relativeImages, tidyAnswer, type Legend } from './common.js';
import { slugify } from './slug.js';
import type { Draft, ImportResult } from './types.js';

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING_START = /^\s{0,3}(#{1,6})(?:\s+|$)/;
/** Sections that hold no questions and name no topic. */
const NOT_A_TOPIC = /^(?:table of contents|contents|toc|licen[cs]e|references|resources|links|contributing|contributors|about|introduction|credits)$/i;
const LICENCE = /\b(?:licen[cs]e[ds]?|SPDX-License-Identifier)\b/i;

interface Line {
  text: string;
  no: number;
  /** Inside a fenced code block or an HTML comment: never structure. */
  code: boolean;
}

interface Open {
  prompt: string;
  line: number;
  tags: string[];
  body: Line[];
}

/**
 * Pure: Markdown notes to drafts. Questions are bold lines (`**What is X?**`) when more
 * bold lines than headings end in "?", else the headings that ask (or the deepest with
 * text under them); the answer is what follows up to the next question or section. Enclosing
 * headings become tags; the first `# ` heading names the deck.
 */
export function importMarkdown(input: string, name: string): ImportResult {
  const { text, controls } = cleanInput(input);
  const lines = markLines(text);
  const headings = lines.map((l) => (l.code ? undefined : heading(l.text)));
  const bold = lines.map((l, i) => (l.code || headings[i] ? undefined : boldQuestion(l.text, lines[i - 1])));
  // Whichever asks more often: a "**Why?**" inside an answer must not turn heading questions into sections.
  const byBold = bold.filter((b) => b !== undefined && asks(b)).length > headings.filter((h) => h && h.level > 1 && asks(h.text)).length;
  const questionLevel = byBold ? 7 : questionHeadingLevel(lines, headings);
  const title = headings.find((h) => h?.level === 1 && questionLevel > 1)?.text;
  const legend = findLegend(lines);
  const licence = findLicence(lines, headings);

  const drafts: Draft[] = [];
  const skipped: ImportResult['skipped'] = [];
  const images: ImportResult['images'] = [];
  const sections: { level: number; tag: string }[] = [];
  let open: Open | undefined;
  const close = () => {
    if (!open) return;
    const body = open.body;
    const { prompt, difficulty } = difficultyMarks(open.prompt, legend);
    const answer = tidyAnswer(body.map((l) => l.text));
    images.push(...relativeImages(body.map((l) => l.text).join('\n'), body[0]?.no ?? open.line));
    drafts.push({ prompt, answer, tags: [...new Set(open.tags)], line: open.line, ...(difficulty && { difficulty }) });
    open = undefined;
  };
  lines.forEach((line, i) => {
    const h = headings[i];
    const level = h?.level ?? 0;
    if (h && level === questionLevel) {
      close();
      open = { prompt: h.text, line: line.no, tags: sections.map((s) => s.tag).filter(Boolean), body: [] };
    } else if (h && level < questionLevel) {
      close();
      while (sections.length && sections.at(-1)!.level >= level) sections.pop();
      // The title is the deck's name, not a topic.
      if (h.text !== title || level > 1) sections.push({ level, tag: NOT_A_TOPIC.test(h.text) ? '' : slugify(stripInline(h.text)) });
    } else if (byBold && bold[i] !== undefined) {
      close();
      open = { prompt: bold[i]!, line: line.no, tags: sections.map((s) => s.tag).filter(Boolean), body: [] };
    } else open?.body.push(line);
  });
  close();
  return {
    banks: [{ deck: title ? stripInline(title) : name, questions: keepReal(drafts, skipped) }],
    skipped,
    images,
    unit: 'line',
    style: byBold ? 'bold lines' : `level-${questionLevel} headings`,
    controls,
    ...(licence && { licence }),
  };
}

interface Heading {
  level: number;
  text: string;
}

/** An ATX heading without its closing hashes; by hand, since a regex for the closing run backtracks on long lines. */
function heading(line: string): Heading | undefined {
  const m = HEADING_START.exec(line);
  if (!m) return undefined;
  let text = line.slice(m[0].length).trimEnd();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  const bare = text.slice(0, end);
  if (bare !== text && (bare === '' || /\s$/.test(bare))) text = bare.trimEnd();
  return { level: m[1]!.length, text };
}

function markLines(text: string): Line[] {
  let fence: string | undefined;
  let comment = false;
  return text.split('\n').map((t, i) => {
    const f = FENCE.exec(t)?.[1];
    const wasCode = fence !== undefined || comment;
    if (f && (fence === undefined || fence === f) && !comment) fence = fence ? undefined : f;
    else if (fence === undefined && !comment && /^\s*<!--/.test(t) && !t.includes('-->')) comment = true;
    else if (comment && t.includes('-->')) comment = false;
    const isComment = /^\s*<!--.*-->\s*$/.test(t);
    return { text: t, no: i + 1, code: wasCode || Boolean(f) || comment || isComment };
  });
}

/**
 * The question of a line that is bold as a whole (`**What is X? 🟢**`, `1. **Why?**`,
 * `**Q: Why?**`), after a blank line or a heading; undefined for any other line. A bold
 * line ending in ":" introduces a list, it is not a question.
 */
function boldQuestion(text: string, before: Line | undefined): string | undefined {
  if (before && before.text.trim() && !HEADING_START.test(before.text)) return undefined;
  let t = text.trim();
  const numbered = /^(?:\d+[.)]|[-*+])\s+(?=\*\*|__)/.exec(t);
  if (numbered) t = t.slice(numbered[0].length);
  // Marks may sit after the closing stars: "**What is X?** ⭐".
  const tail = /(?:\s|\u200d|\ufe0f|\p{Extended_Pictographic}|[([]\w+[)\]])*$/u.exec(t.slice(-48))![0];
  const core = t.slice(0, t.length - tail.length);
  const fence = core.slice(0, 2);
  if ((fence !== '**' && fence !== '__') || !core.endsWith(fence) || core.length <= 4) return undefined;
  const inner = core.slice(2, -2);
  if (inner.includes(fence) || /:\s*$/.test(inner)) return undefined;
  if (numbered && !asks(inner)) return undefined;
  return `${inner.replace(/^\s*(?:q|question)\s*\d*\s*[:.]\s*/i, '')} ${tail}`.trim();
}

/** Ends in a question mark, marks after it aside; only the end is looked at, so a long line costs nothing. */
const asks = (text: string) => /\?$/.test(text.slice(-64).replace(/(?:\p{Extended_Pictographic}|\u200d|\ufe0f|\s)+$/u, ''));

/**
 * The level of the question headings: the commonest level of the headings that ask
 * ("## What is X?"), so that an answer's own subheadings stay in it; without any, the
 * deepest level with text of its own under it.
 */
function questionHeadingLevel(lines: Line[], headings: (Heading | undefined)[]): number {
  const asking = [0, 0, 0, 0, 0, 0, 0];
  for (const h of headings) if (h && asks(h.text)) asking[h.level]!++;
  const best = asking.indexOf(Math.max(...asking));
  if (asking[best]! > 0) return best;
  let deepest = 0;
  let current = 0;
  lines.forEach((l, i) => {
    const h = headings[i];
    if (h) current = h.level;
    // A lone "# Title" over prose is a title: level 1 holds questions only when they ask.
    else if (current > 1 && l.text.trim() && !/^\s*<(?:br|hr)\s*\/?>\s*$/i.test(l.text)) deepest = Math.max(deepest, current);
  });
  return deepest || 2;
}

function findLegend(lines: Line[]): Legend | undefined {
  for (const l of lines) {
    if (l.code) continue;
    const legend = readLegend(l.text);
    if (legend) return legend;
  }
  return undefined;
}

/** The first line naming a licence, outside code: in the opening text or under a "License" heading. */
function findLicence(lines: Line[], headings: (Heading | undefined)[]): string | undefined {
  let underLicence = false;
  for (const [i, l] of lines.entries()) {
    const h = headings[i];
    if (h) {
      underLicence = /^licen[cs]e$/i.test(h.text);
      continue;
    }
    if (l.code || !l.text.trim() || /^\s*[-*+]\s*\[[^\]]*\]\(#/.test(l.text)) continue;
    if (underLicence || (LICENCE.test(l.text) && /:|\bunder\b/i.test(l.text)))
      return stripInline(l.text.replace(/^\s*(?:>\s*)*(?:[-*+]\s+)?(?:licen[cs]e\s*:\s*)?/i, '')).slice(0, 500);
  }
  return undefined;
}

/** Heading and licence text without Markdown's inline marks: links keep their text and address. */
function stripInline(text: string): string {
  return text
    .replace(/\[([^\]]{0,500})\]\(([^)\s]{0,2000})\)/g, (_, t: string, u: string) => (u.startsWith('#') || !u ? t : `${t} (${u})`))
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
