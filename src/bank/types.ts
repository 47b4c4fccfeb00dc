import { stripControl } from './control-chars.js';

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const QUESTION_TYPES = ['open', 'choice', 'numeric'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A question as every layer above `bank` sees it, whatever file format it came from. */
export interface Question {
  id: string;
  deck: string;
  prompt: string;
  answer: string;
  key_points: string[];
  tags: string[];
  difficulty: Difficulty;
  type: QuestionType;
  /** `choice` only. */
  choices?: string[];
  /** `choice` only: always a list; more than one entry means every one must be picked. */
  correct?: number[];
  /** `numeric` only. */
  value?: number;
  tolerance?: number;
  unit?: string;
  follow_ups: string[];
  see_also: string[];
  source?: string;
  /** An open question without key points, practised by rating alone (imported notes). */
  self_rated?: true;
  /** Seconds allowed in a timed mock round. */
  time_limit?: number;
  file: string;
  line: number;
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** Field path inside the file, e.g. `questions[3].key_points`; empty for file-level faults. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface BankSet {
  questions: Question[];
  files: string[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** Each file's name and content hash, in load order, when a cache's pack could vouch for every one (see knownContent). */
  content?: [string, string][];
}

/** The one constructor of a diagnostic: where (a line and column), which field, what is wrong. */
export function diagnostic(
  file: string,
  at: { line: number; column: number },
  path: string,
  message: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { file, line: at.line, column: at.column, path, message, severity };
}

/** A fault of a whole file, reported at its first line. */
export const fileError = (file: string, message: string): Diagnostic => diagnostic(file, { line: 1, column: 1 }, '', message);

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.path ? `${d.path}: ` : '';
  const tag = d.severity === 'warning' ? 'warning: ' : '';
  // File names and unknown keys come from strangers too.
  return stripControl(`${d.file}:${d.line}:${d.column}: ${tag}${where}${d.message}`);
}
