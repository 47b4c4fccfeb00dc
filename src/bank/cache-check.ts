import { ID_PATTERN, MAX_TIME_LIMIT_S } from './limits.js';
import { DIFFICULTIES, QUESTION_TYPES } from './types.js';
import type { ParsedBank } from './parse-yaml-bank.js';

/*
 * The parse cache is a file anyone with write access to the cache folder can edit, so
 * an entry is trusted only if it has exactly the shape parsing produces. Plain checks,
 * not zod: a warm start must not load zod at all.
 */

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && !CONTROL.test(v);
const isTextList = (v: unknown) => Array.isArray(v) && v.every(isText);
const isSlug = (v: unknown) => typeof v === 'string' && ID_PATTERN.test(v);
const isLine = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 1;
const isFinite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

const QUESTION_KEYS = new Set([
  'id',
  'deck',
  'prompt',
  'answer',
  'key_points',
  'tags',
  'difficulty',
  'type',
  'choices',
  'correct',
  'value',
  'tolerance',
  'unit',
  'follow_ups',
  'see_also',
  'source',
  'time_limit',
  'self_rated',
  'file',
  'line',
]);

function isQuestion(q: unknown): boolean {
  if (!isObj(q)) return false;
  for (const k of Object.keys(q)) if (!QUESTION_KEYS.has(k)) return false;
  const base =
    isSlug(q.id) &&
    isText(q.deck) &&
    isText(q.prompt) &&
    isText(q.answer) &&
    isTextList(q.key_points) &&
    Array.isArray(q.tags) &&
    q.tags.every(isSlug) &&
    (DIFFICULTIES as readonly unknown[]).includes(q.difficulty) &&
    (QUESTION_TYPES as readonly unknown[]).includes(q.type) &&
    isTextList(q.follow_ups) &&
    Array.isArray(q.see_also) &&
    q.see_also.every(isSlug) &&
    typeof q.file === 'string' &&
    isLine(q.line) &&
    (q.source === undefined || isText(q.source)) &&
    (q.self_rated === undefined || (q.self_rated === true && q.type === 'open' && (q.key_points as unknown[]).length === 0)) &&
    (q.time_limit === undefined || (isFinite(q.time_limit) && (q.time_limit as number) > 0 && (q.time_limit as number) <= MAX_TIME_LIMIT_S));
  if (!base) return false;
  if (q.type === 'choice') {
    const n = Array.isArray(q.choices) ? q.choices.length : 0;
    return (
      isTextList(q.choices) &&
      n >= 2 &&
      Array.isArray(q.correct) &&
      q.correct.length > 0 &&
      q.correct.every((i) => Number.isSafeInteger(i) && i >= 0 && i < n) &&
      q.value === undefined
    );
  }
  if (q.type === 'numeric')
    return isFinite(q.value) && isFinite(q.tolerance) && (q.tolerance as number) >= 0 && (q.unit === undefined || isText(q.unit)) && q.choices === undefined;
  return q.choices === undefined && q.value === undefined;
}

function isDiagnostic(d: unknown): boolean {
  return (
    isObj(d) &&
    typeof d.file === 'string' &&
    isLine(d.line) &&
    Number.isSafeInteger(d.column) &&
    typeof d.path === 'string' &&
    typeof d.message === 'string' &&
    (d.severity === 'error' || d.severity === 'warning')
  );
}

/** True when `v` has exactly the shape of a parse result. */
export function isParsedBank(v: unknown): v is ParsedBank {
  return isObj(v) && Array.isArray(v.questions) && Array.isArray(v.diagnostics) && v.questions.every(isQuestion) && v.diagnostics.every(isDiagnostic);
}
