import { frontMatterSchema, markdownMetaKeys } from './schema.js';
import { stripControlDeep } from './control-chars.js';
import { controlWarnings, formatPath, issuesToDiagnostics, normaliseQuestion, type DeckInfo, type Locator } from './normalise.js';
import type { ParsedBank } from './parse-yaml-bank.js';
import { diagnostic, type Diagnostic, type Question } from './types.js';
import { parseYaml, type PathKey, type Position } from './yaml-source.js';

const KEY_POINTS = /^\s*(?:#{2,6}\s*)?(?:\*\*|__)?key points:?(?:\*\*|__)?:?\s*$/i;
const FOLLOW_UPS = /^\s*(?:#{2,6}\s*)?(?:\*\*|__)?follow[- ]?ups:?(?:\*\*|__)?:?\s*$/i;
const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;

interface Line {
  text: string;
  /** 1-based line number in the file. */
  no: number;
}

/**
 * Pure: the text of a Markdown bank to questions and diagnostics. Every `## ` heading
 * starts a question; see "Bank format" in the README for the layout under it.
 */
export function parseMarkdownBank(file: string, text: string, defaultDeck: string): ParsedBank {
  const diagnostics: Diagnostic[] = [];
  const err = (line: number, column: number, path: string, message: string) => diagnostic(file, { line, column }, path, message);
  const fm = splitFrontMatter(text);
  if ('error' in fm) return { questions: [], diagnostics: [err(fm.line, 1, 'front matter', fm.error)] };
  const contentStart = fm.contentLine;
  const info: DeckInfo = { file, deck: defaultDeck, tags: [] };
  if (fm.matter.trim()) {
    const src = parseYaml(fm.matter, 1);
    if (src.errors.length) return { questions: [], diagnostics: src.errors.map((e) => err(e.line, e.column, 'front matter', e.message)) };
    const clean = stripControlDeep(src.value ?? {});
    diagnostics.push(...controlWarnings(clean.found, file, [], src));
    const parsed = frontMatterSchema.safeParse(clean.value);
    if (!parsed.success) return { questions: [], diagnostics: [...issuesToDiagnostics(parsed.error.issues, file, [], src), ...diagnostics] };
    info.deck = parsed.data.deck ?? defaultDeck;
    info.tags = parsed.data.tags ?? [];
    if (parsed.data.source) info.source = parsed.data.source;
  }
  const lines: Line[] = fm.content.split('\n').map((t, i) => ({ text: t, no: contentStart + i }));
  const sections = splitSections(lines);
  if (sections.length === 0) diagnostics.push(err(contentStart, 1, '', 'no questions: every question starts with a "## " heading'));
  const questions: Question[] = [];
  sections.forEach((section, i) => {
    const r = parseSection(section, i, info);
    if (r.question) questions.push(r.question);
    diagnostics.push(...r.diagnostics);
  });
  return { questions, diagnostics };
}

const OPENING = /^---([^\n]*)$/;

/**
 * Splits off front matter fenced by `---` lines. Only YAML is read: a fence with a
 * language (`---js`, `---coffee`) is refused, because such front matter is code, and
 * banks come from strangers. `---yaml` is YAML by name and accepted.
 */
export function splitFrontMatter(text: string): { matter: string; content: string; contentLine: number } | { error: string; line: number } {
  const lines = text.split('\n');
  const open = OPENING.exec(lines[0] ?? '');
  if (!open) return { matter: '', content: text, contentLine: 1 };
  const lang = open[1]!.trim();
  if (lang && lang.toLowerCase() !== 'yaml')
    return { error: `front matter fenced as "---${lang}" is not read: only YAML front matter is allowed (start the file with a plain "---" line)`, line: 1 };
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (close < 0) return { error: 'the front matter opened on line 1 is never closed with a "---" line', line: 1 };
  return { matter: lines.slice(1, close).join('\n'), content: lines.slice(close + 1).join('\n'), contentLine: close + 2 };
}

function splitSections(lines: Line[]): Line[][] {
  const sections: Line[][] = [];
  let inFence = false;
  for (const line of lines) {
    if (FENCE.test(line.text)) inFence = !inFence;
    if (!inFence && /^##\s+\S/.test(line.text)) sections.push([line]);
    else sections.at(-1)?.push(line);
  }
  return sections;
}

function parseSection(section: Line[], index: number, deck: DeckInfo): { question?: Question; diagnostics: Diagnostic[] } {
  const file = deck.file;
  const heading = section[0]!;
  const base: PathKey[] = ['questions', index];
  let i = 1;
  const skipBlank = () => {
    while (i < section.length && !section[i]!.text.trim()) i++;
  };
  skipBlank();
  let meta: Record<string, unknown> = {};
  let metaSrc: ReturnType<typeof parseYaml> | undefined;
  if (section[i]?.text.trim().startsWith('<!--')) {
    const start = section[i]!;
    const body: string[] = [];
    let closed = false;
    for (; i < section.length; i++) {
      let t = section[i]!.text;
      if (section[i] === start) t = t.replace(/^\s*<!--\s*/, '');
      const end = t.indexOf('-->');
      if (end >= 0) {
        body.push(t.slice(0, end));
        closed = true;
        i++;
        break;
      }
      body.push(t);
    }
    if (!closed)
      return {
        diagnostics: [diagnostic(file, { line: start.no, column: 1 }, formatPath(base), 'metadata block "<!--" is never closed with "-->"')],
      };
    metaSrc = parseYaml(body.join('\n'), start.no - 1);
    if (metaSrc.errors.length)
      return {
        diagnostics: metaSrc.errors.map((e) => diagnostic(file, e, formatPath(base), e.message)),
      };
    const v = metaSrc.value;
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      return {
        diagnostics: [diagnostic(file, { line: start.no, column: 1 }, formatPath(base), 'the metadata block must hold YAML fields such as "id: my-question"')],
      };
    meta = v as Record<string, unknown>;
    const misplaced = Object.keys(meta).filter((k) => !markdownMetaKeys.has(k) && ['prompt', 'answer', 'key_points'].includes(k));
    if (misplaced.length)
      return {
        diagnostics: misplaced.map((k) =>
          diagnostic(file, metaSrc!.locateKey([], k), formatPath([...base, k]), `"${k}" comes from the Markdown text, not the metadata block`),
        ),
      };
  }
  skipBlank();
  const quote: string[] = [];
  while (i < section.length && /^\s{0,3}>/.test(section[i]!.text)) quote.push(section[i++]!.text.replace(/^\s{0,3}>\s?/, ''));
  const prompt = [heading.text.replace(/^##\s+/, '').trim(), ...(quote.length ? ['', ...quote] : [])].join('\n').trim();

  const answer: Line[] = [];
  const lists: Record<'key_points' | 'follow_ups', { text: string; no: number }[]> = { key_points: [], follow_ups: [] };
  let mode: 'answer' | 'key_points' | 'follow_ups' = 'answer';
  let inFence = false;
  for (; i < section.length; i++) {
    const line = section[i]!;
    if (FENCE.test(line.text)) inFence = !inFence;
    if (!inFence && KEY_POINTS.test(line.text)) mode = 'key_points';
    else if (!inFence && FOLLOW_UPS.test(line.text)) mode = 'follow_ups';
    else if (mode === 'answer') answer.push(line);
    else {
      const item = LIST_ITEM.exec(line.text);
      const list = lists[mode];
      if (item) list.push({ text: item[1]!.trim(), no: line.no });
      else if (line.text.trim() && list.length) list.at(-1)!.text += ' ' + line.text.trim();
    }
  }
  const answerText = answer
    .map((l) => l.text)
    .join('\n')
    .trim();
  const answerLine = answer.find((l) => l.text.trim())?.no ?? heading.no;
  const raw: Record<string, unknown> = { ...meta, prompt, answer: answerText };
  if (lists.key_points.length) raw.key_points = lists.key_points.map((k) => k.text);
  if (lists.follow_ups.length) raw.follow_ups = lists.follow_ups.map((k) => k.text);

  const at = (no: number): Position => ({ line: no, column: 1 });
  const where: Locator = {
    locate(path) {
      const [, , field, item] = path;
      if (field === undefined || field === 'prompt') return at(heading.no);
      if (field === 'answer') return at(answerLine);
      if (field === 'key_points' || field === 'follow_ups') {
        const list = lists[field];
        return at(list[typeof item === 'number' ? item : 0]?.no ?? heading.no);
      }
      return metaSrc ? metaSrc.locate(path.slice(2)) : at(heading.no);
    },
    locateKey(path, key) {
      return metaSrc && path.length <= 2 ? metaSrc.locateKey([], key) : this.locate(path);
    },
  };
  return normaliseQuestion(raw, deck, base, where);
}
