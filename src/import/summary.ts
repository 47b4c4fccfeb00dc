import type { BankFile } from './bank-out.js';
import type { ImportResult } from './types.js';

export interface ImportSummary {
  input: string;
  style?: string;
  files: { file: string; deck: string; questions: number }[];
  questions: number;
  ids: string[];
  tags: Record<string, number>;
  difficulty: Record<'easy' | 'medium' | 'hard' | 'unmarked', number>;
  source: string;
  licence: string | null;
  /** What `line` counts: a line of a text file, or a note of an Anki deck. */
  unit: 'line' | 'note';
  skipped: { line: number; reason: string }[];
  images: { line: number; url: string }[];
  control_characters_removed: number;
}

/** Pure: what an import made, as `--json` prints it and the terminal view reads it. */
export function summarise(
  input: string,
  result: ImportResult,
  files: BankFile[],
  where: (name: string) => string,
  source: string,
  licence?: string,
): ImportSummary {
  const drafts = result.banks.flatMap((b) => b.questions);
  const tags: Record<string, number> = {};
  for (const d of drafts) for (const t of d.tags) tags[t] = (tags[t] ?? 0) + 1;
  const difficulty = { easy: 0, medium: 0, hard: 0, unmarked: 0 };
  for (const d of drafts) difficulty[d.difficulty ?? 'unmarked']++;
  return {
    input,
    ...(result.style && { style: result.style }),
    files: files.map((f) => ({ file: where(f.name), deck: f.deck, questions: f.ids.length })),
    questions: drafts.length,
    ids: files.flatMap((f) => f.ids),
    tags,
    difficulty,
    source,
    licence: licence ?? result.licence ?? null,
    unit: result.unit,
    skipped: result.skipped,
    images: result.images,
    control_characters_removed: result.controls,
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Pure: the summary as terminal lines. */
export function summaryLines(s: ImportSummary, validateCommand: string): string[] {
  const lines = [`Read ${s.input}${s.style ? ` (questions from ${s.style})` : ''}.`];
  for (const f of s.files) lines.push(`Wrote ${count(f.questions, 'question')} to ${f.file} (deck "${f.deck}").`);
  const tags = Object.entries(s.tags).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  lines.push(tags.length ? `Tags (${tags.length}): ${tags.map(([t, n]) => `${t} ${n}`).join(', ')}` : 'Tags: none (no section headings above the questions)');
  const d = s.difficulty;
  lines.push(`Difficulty: ${d.easy} easy, ${d.medium} medium, ${d.hard} hard${d.unmarked ? `, ${d.unmarked} unmarked (medium)` : ''}`);
  lines.push(`Source: ${s.source}${s.licence ? '' : ' (no licence line found: pass --licence to record one)'}`);
  if (s.licence) lines.push(`Licence: ${s.licence}`);
  if (s.skipped.length) {
    lines.push(`Skipped ${count(s.skipped.length, 'item')}:`);
    for (const k of s.skipped) lines.push(`  ${s.unit} ${k.line}: ${k.reason}`);
  }
  if (s.images.length) {
    lines.push(`Relative image links (${s.images.length}; the images are not copied, so they will not show):`);
    for (const im of s.images) lines.push(`  ${s.unit} ${im.line}: ${im.url}`);
  }
  if (s.control_characters_removed) lines.push(`Removed ${count(s.control_characters_removed, 'control character')} (notes may not drive the terminal).`);
  lines.push(`The questions have no key points yet, so they are self-rated: practised by rating alone. Check the bank with: ${validateCommand}`);
  return lines;
}
