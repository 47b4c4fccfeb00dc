import type { Question } from '../bank/types.js';

/** What the person gave before the reveal. */
export interface Attempt {
  text?: string;
  picked?: number[];
  number?: number;
  /** Set for choice and numeric questions. */
  correct?: boolean;
  /** The person said they did not know (Enter or `?` at a numeric question): wrong, and said so. */
  unknown?: boolean;
}

/** What the person gave, as the prompts return it, before anything is checked. */
export type Answer = { text: string } | { picked: number[] } | { number: number } | { unknown: true };

/** The answer checked against the question: choice and numeric answers get `correct`. */
export function checkAnswer(q: Question, a: Answer): Attempt {
  if ('picked' in a) return { picked: a.picked, correct: checkChoice(q, a.picked) };
  if ('number' in a) return { number: a.number, correct: checkNumeric(q, a.number) };
  if ('unknown' in a) return { correct: false, unknown: true };
  return q.type === 'open' ? { text: a.text } : { text: a.text, correct: false };
}

/** What a person types at a numeric prompt to say "I don't know": nothing, or a question mark. */
export const isDontKnow = (text: string) => text.trim() === '' || text.trim() === '?';

export function checkChoice(q: Question, picked: readonly number[]): boolean {
  const want = q.correct ?? [];
  const got = [...new Set(picked)].sort((a, b) => a - b);
  return got.length === want.length && got.every((v, i) => v === want[i]);
}

/**
 * Reads a typed number: plain or scientific notation, a fraction such as `45/1024`, a
 * percentage, or a number followed by its unit. Undefined when it is not a number.
 */
export function parseNumber(input: string, unit?: string): number | undefined {
  const s = input
    .trim()
    .replace(/,(?=\d{3}\b)/g, '')
    .replace(/\s+/g, ' ');
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)(?:\s*\/\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?))?\s*(%)?(?:\s*[a-zA-Zµ°²³/ ]+)?$/i.exec(s);
  if (!m) return undefined;
  let v = Number(m[1]);
  if (m[2] !== undefined) v /= Number(m[2]);
  // "84%" is 0.84, unless the question itself is asked in percent.
  if (m[3] && unit !== '%') v /= 100;
  return Number.isFinite(v) ? v : undefined;
}

export function checkNumeric(q: Question, value: number): boolean {
  // A hair of slack so that 0.1 + 0.2 style float noise never fails an exact answer.
  return Math.abs(value - (q.value ?? NaN)) <= (q.tolerance ?? 0) + 1e-9 * Math.max(1, Math.abs(q.value ?? 0));
}
