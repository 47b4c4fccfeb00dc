import { hasControl } from './control-chars.js';
import { ID_PATTERN, MAX_TIME_LIMIT_S } from './limits.js';
import { DIFFICULTIES, QUESTION_TYPES } from './types.js';
import type { ParsedBank } from './parse-yaml-bank.js';

/*
 * The parse cache is a file anyone with write access to the cache folder can edit, so
 * an entry is trusted only if it has exactly the shape parsing produces. Plain checks,
 * not zod: a warm start must not load zod at all. They run once, on every question, in
 * a process that has only just started, so the code is not yet compiled: each value is
 * tested as few times as it can be.
 */

/**
 * In JSON text that is all ASCII, what decodes to a control character other than tab and
 * newline. JSON allows none of them raw inside a string except DEL, so each is an escape,
 * one whose backslash is not itself escaped (`\\b` is a backslash and a b).
 */
const CONTROL_IN_ASCII_JSON = /\x7f|(?<!\\)(?:\\\\)*\\(?:[bfr]|u00(?:0[0-8b-fB-F]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F]))/;

/** True when no string parsed from `json`, a JSON text of ASCII characters only, holds a control character but tab and newline. */
export const asciiJsonFreeOfControls = (json: string): boolean => !CONTROL_IN_ASCII_JSON.test(json);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
type TextTest = (v: unknown) => boolean;
const isText: TextTest = (v) => typeof v === 'string' && !hasControl(v);
/** For strings already known to hold no control character. */
const isString: TextTest = (v) => typeof v === 'string';
const isTextList = (v: unknown, text: TextTest) => Array.isArray(v) && v.every(text);
const isSlug = (v: unknown) => typeof v === 'string' && ID_PATTERN.test(v);
const isLine = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 1;
const isFinite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** The fields a question may have beside the twelve it always has (id to line in isQuestion). */
const OPTIONAL_KEYS = ['choices', 'correct', 'value', 'tolerance', 'unit', 'source', 'time_limit', 'self_rated'] as const;

function isQuestion(q: unknown, isText: TextTest): boolean {
  if (!isObj(q)) return false;
  // No field but those parsing writes: the twelve always there are each tested below, so
  // counting the optional ones tells whether there is any other.
  let fields = 12;
  for (const k of OPTIONAL_KEYS) if (Object.hasOwn(q, k)) fields++;
  if (Object.keys(q).length !== fields) return false;
  const base =
    isSlug(q.id) &&
    isText(q.deck) &&
    isText(q.prompt) &&
    isText(q.answer) &&
    isTextList(q.key_points, isText) &&
    Array.isArray(q.tags) &&
    q.tags.every(isSlug) &&
    (DIFFICULTIES as readonly unknown[]).includes(q.difficulty) &&
    (QUESTION_TYPES as readonly unknown[]).includes(q.type) &&
    isTextList(q.follow_ups, isText) &&
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
      isTextList(q.choices, isText) &&
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

/**
 * True when `v` has exactly the shape of a parse result. `noControls` says its strings
 * are already known to hold no control character (see asciiJsonFreeOfControls).
 */
export function isParsedBank(v: unknown, noControls = false): v is ParsedBank {
  const text = noControls ? isString : isText;
  return (
    isObj(v) && Array.isArray(v.questions) && Array.isArray(v.diagnostics) && v.questions.every((q) => isQuestion(q, text)) && v.diagnostics.every(isDiagnostic)
  );
}
