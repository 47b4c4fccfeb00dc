import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { cleanInput, difficultyMarks, keepReal, relativeImages } from './common.js';
import { slugify } from './slug.js';
import type { Draft, ImportResult } from './types.js';

const NAMES = {
  prompt: ['prompt', 'question', 'front', 'q'],
  answer: ['answer', 'back', 'a'],
  tags: ['tags', 'tag', 'topic', 'topics'],
  difficulty: ['difficulty', 'level'],
} as const;
type Column = keyof typeof NAMES;

/**
 * Pure: CSV or TSV rows to drafts. The first row is a header when it names a prompt
 * and an answer column (prompt/question/front, answer/back, tags, difficulty); without
 * one the columns are prompt, answer and optionally tags. A row without the answer
 * column is an InputError naming `file` and the line.
 */
export function importDelimited(input: string, file: string, delimiter: ',' | '\t'): ImportResult {
  const { text, controls } = cleanInput(input);
  let rows: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    rows = parse(text, { delimiter, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true }) as unknown as typeof rows;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new InputError(`${file}:${line ?? 1}: not readable as ${delimiter === ',' ? 'CSV' : 'TSV'} (${(e as Error).message.replace(/\s+/g, ' ')})`);
  }
  // csv-parse counts a record's last line; a quoted cell may span lines, so the first is found from the record before.
  const startLine = (i: number) => (i === 0 ? 1 : rows[i - 1]!.info.lines + 1) + rows[i]!.info.empty_lines - (rows[i - 1]?.info.empty_lines ?? 0);
  const head = rows[0]?.record.map((c) => c.toLowerCase());
  const find = (col: Column) => head?.findIndex((c) => (NAMES[col] as readonly string[]).includes(c)) ?? -1;
  const hasHeader = find('prompt') >= 0 || find('answer') >= 0;
  if (hasHeader && (find('prompt') < 0 || find('answer') < 0))
    throw new InputError(`${file}:${startLine(0)}: the header names no ${find('prompt') < 0 ? 'prompt' : 'answer'} column (expected prompt,answer[,tags])`);
  const at: Record<Column, number> = hasHeader
    ? { prompt: find('prompt'), answer: find('answer'), tags: find('tags'), difficulty: find('difficulty') }
    : { prompt: 0, answer: 1, tags: 2, difficulty: -1 };
  const drafts: Draft[] = [];
  const images: ImportResult['images'] = [];
  for (const [i, { record }] of rows.entries()) {
    if (hasHeader && i === 0) continue;
    const line = startLine(i);
    const need = Math.max(at.prompt, at.answer);
    if (record.length <= need)
      throw new InputError(`${file}:${line}: missing the ${record.length <= at.prompt ? 'prompt' : 'answer'} column (expected prompt,answer[,tags])`);
    const cell = (c: Column) => (at[c] >= 0 ? (record[at[c]] ?? '') : '');
    const { prompt, difficulty } = difficultyMarks(cell('prompt'));
    const answer = cell('answer');
    const tags = cell('tags')
      .split(/[\s,;|]+/)
      .map((t) => slugify(t))
      .filter(Boolean);
    const level = cell('difficulty').toLowerCase();
    const chosen = (['easy', 'medium', 'hard'] as const).find((d) => d === level) ?? difficulty;
    images.push(...relativeImages(answer, line));
    drafts.push({ prompt, answer, tags: [...new Set(tags)], line, ...(chosen && { difficulty: chosen }) });
  }
  const skipped: ImportResult['skipped'] = [];
  const name = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return {
    banks: [{ deck: name, questions: keepReal(drafts, skipped) }],
    skipped,
    images,
    unit: 'line',
    style: hasHeader ? 'a header row' : 'columns prompt,answer,tags',
    controls,
  };
}
