import type { z } from 'zod';
import { stripControlDeep } from './control-chars.js';
import { rawQuestionSchema, typeRules, type RawQuestion } from './schema.js';
import { diagnostic, type Diagnostic, type Question } from './types.js';
import type { PathKey, Position } from './yaml-source.js';

export interface DeckInfo {
  file: string;
  deck: string;
  tags: string[];
  source?: string;
}

export interface Locator {
  locate(path: PathKey[]): Position;
  locateKey(path: PathKey[], key: string): Position;
}

/** `questions[3].key_points[1]` from `['questions', 3, 'key_points', 1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/** What differs between the files validated with zod (banks, plans): how two kinds of issue are worded. */
export interface IssueWording {
  /** For a key the schema does not know, found at `path`. */
  unknownKey(key: string, path: PathKey[]): string;
  /** For a value that fits no branch of a union. */
  union: string;
}

const QUESTION_WORDING: IssueWording = {
  unknownKey: (key) => unknownKeyMessage(key),
  union: 'must be a choice index or a list of choice indices',
};

/** Turns zod issues into diagnostics at the line of the offending field. */
export function issuesToDiagnostics(
  issues: z.core.$ZodIssue[],
  file: string,
  base: PathKey[],
  where: Locator,
  displayBase: PathKey[] = base,
  wording: IssueWording = QUESTION_WORDING,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const rel = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const p = where.locateKey([...base, ...rel], key);
        out.push(diagnostic(file, p, formatPath([...displayBase, ...rel, key]), wording.unknownKey(key, rel)));
      }
      continue;
    }
    const p = where.locate([...base, ...rel]);
    out.push(diagnostic(file, p, formatPath([...displayBase, ...rel]), describeIssue(issue, wording.union)));
  }
  return out;
}

function unknownKeyMessage(key: string): string {
  const known = Object.keys(rawQuestionSchema.shape);
  const near = known.find((k) => editDistance(k, key) <= 2);
  return `unknown field "${key}"${near ? ` (did you mean "${near}"?)` : ''}`;
}

function describeIssue(issue: z.core.$ZodIssue, union: string): string {
  if (issue.code === 'invalid_type') {
    const received = /received (\w+)/.exec(issue.message)?.[1];
    if (!received) return issue.message;
    if (received === 'undefined') return 'required field is missing';
    const found = received === 'object' ? 'a mapping' : received === 'array' ? 'a list' : received;
    const hint = issue.expected === 'string' && received === 'object' ? ' (YAML read "key: value" inside the text as a mapping: quote the text)' : '';
    return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}, found ${found}${hint}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_union') return union;
  // Bounds with a message of their own keep it; zod's default wording is made readable.
  if (issue.code === 'too_small' && /^Too small/.test(issue.message)) {
    if (issue.origin === 'array') return issue.minimum === 1 ? 'the list is empty' : `needs at least ${issue.minimum} items`;
    return `must be at least ${issue.inclusive ? '' : 'above '}${issue.minimum}`;
  }
  if (issue.code === 'too_big' && /^Too big/.test(issue.message)) return `must be at most ${issue.maximum}`;
  return issue.message;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/** Validates one raw question; returns the normalised question or its diagnostics. */
export function normaliseQuestion(
  raw: unknown,
  deck: DeckInfo,
  base: PathKey[],
  where: Locator,
  displayBase: PathKey[] = base,
): { question?: Question; diagnostics: Diagnostic[] } {
  const line = where.locate(base).line;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      diagnostics: [
        { file: deck.file, ...where.locate(base), path: formatPath(displayBase), message: 'a question must be a mapping of fields', severity: 'error' },
      ],
    };
  }
  const clean = stripControlDeep(raw);
  raw = clean.value;
  const warnings = controlWarnings(clean.found, deck.file, base, where, displayBase);
  const parsed = rawQuestionSchema.safeParse(raw);
  const diagnostics = parsed.success ? [] : issuesToDiagnostics(parsed.error.issues, deck.file, base, where, displayBase);
  for (const rule of typeRules(raw as Record<string, unknown>)) {
    const path = [...base, rule.path];
    // One message per field: a wrong type already reported says more than a rule about it.
    if (diagnostics.some((d) => d.path === formatPath([...displayBase, rule.path]))) continue;
    diagnostics.push(diagnostic(deck.file, where.locate(path), formatPath([...displayBase, rule.path]), rule.message));
  }
  if (diagnostics.length || !parsed.success) return { diagnostics: [...diagnostics, ...warnings] };
  if (parsed.data.self_rated === true)
    warnings.push(diagnostic(deck.file, where.locate([...base, 'self_rated']), formatPath([...displayBase, 'self_rated']), SELF_RATED_WARNING, 'warning'));
  return { question: toQuestion(parsed.data, deck, line), diagnostics: warnings };
}

export const SELF_RATED_WARNING = 'self-rated: no key points, so it is practised by rating alone (add 2 to 6 key points and drop self_rated for a checklist)';

/** Warnings for control characters removed from bank text, at the line of each field. */
export function controlWarnings(
  found: { path: PathKey[]; codes: string }[],
  file: string,
  base: PathKey[],
  where: Locator,
  displayBase: PathKey[] = base,
): Diagnostic[] {
  return found.map((f) => ({
    file,
    ...where.locate([...base, ...f.path]),
    path: formatPath([...displayBase, ...f.path]),
    message: `control characters removed (${f.codes}): bank text may not drive the terminal`,
    severity: 'warning' as const,
  }));
}

function toQuestion(q: RawQuestion, deck: DeckInfo, line: number): Question {
  const tags = [...new Set([...deck.tags, ...(q.tags ?? [])])];
  const out: Question = {
    id: q.id,
    deck: deck.deck,
    prompt: q.prompt,
    answer: q.answer,
    key_points: q.key_points ?? [],
    tags,
    difficulty: q.difficulty ?? 'medium',
    type: q.type ?? 'open',
    follow_ups: q.follow_ups ?? [],
    see_also: q.see_also ?? [],
    file: deck.file,
    line,
  };
  const source = q.source ?? deck.source;
  if (source) out.source = source;
  if (q.time_limit !== undefined) out.time_limit = q.time_limit;
  if (q.self_rated === true) out.self_rated = true;
  if (out.type === 'choice') {
    out.choices = q.choices!;
    out.correct = Array.isArray(q.correct) ? [...q.correct].sort((a, b) => a - b) : [q.correct!];
  }
  if (out.type === 'numeric') {
    out.value = q.value!;
    out.tolerance = q.tolerance!;
    if (q.unit) out.unit = q.unit;
  }
  return out;
}
