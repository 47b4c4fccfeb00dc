import { areCanonicalInstants, isId, isInt, isIso, isName, isNonNegInt } from './review-check.js';
import { REVIEW_ID, type Review } from './schema.js';

/*
 * The review log in columns, as the snapshot keeps it: a JSON array per field, question
 * and session ids written once each, ids and instants run together (Packed). Parsed that
 * way 100,000 reviews take under a third of the time of a JSON object per review, which
 * was the most of what a report over a long history cost. Read back, every column is
 * checked as isReview checks a review, so a damaged cache is ignored, never trusted.
 */

export interface ReviewColumns {
  questions: string[];
  sessions: string[];
  /** 0 where a review has no id (reviews of files before version 4). */
  id: (string | 0)[] | Packed;
  question: number[];
  at: string[] | Packed;
  rating: number[];
  state: number[];
  /** The indices as a bit set where they are few, small and in order (mostly none: 0), else as they are. */
  covered: (number | number[])[];
  total: number[];
  duration_ms: number[];
  session: number[];
  /** -1 absent, 0 false, 1 true. */
  correct: number[];
  /** 0 absent. */
  budget_ms: number[];
}

/**
 * Strings of one width run together, as ids and canonical instants are: JSON.parse reads
 * one long string where it would make 100,000 short ones, and the slices taken from it
 * share its characters.
 */
export interface Packed {
  width: number;
  text: string;
}

function pack(xs: (string | 0)[]): (string | 0)[] | Packed {
  const width = typeof xs[0] === 'string' ? xs[0].length : 0;
  if (width === 0 || !xs.every((x) => typeof x === 'string' && x.length === width)) return xs;
  return { width, text: xs.join('') };
}

function unpack(v: unknown, n: number): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v !== 'object' || v === null) return undefined;
  const { width, text } = v as Record<string, unknown>;
  if (!Number.isSafeInteger(width) || (width as number) < 1 || typeof text !== 'string' || text.length !== n * (width as number)) return undefined;
  const w = width as number;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = text.slice(i * w, i * w + w);
  return out;
}

const COLUMNS = ['id', 'question', 'at', 'rating', 'state', 'covered', 'total', 'duration_ms', 'session', 'correct', 'budget_ms'] as const;

/** Of ids written once each: the index of `k`, added if new. */
export const indexIn = (m: Map<string, number>, k: string) => m.get(k) ?? m.set(k, m.size).get(k)!;

/** The review log as columns. */
export function toColumns(reviews: readonly Review[]): ReviewColumns {
  const questions = new Map<string, number>();
  const sessions = new Map<string, number>();
  const ids: (string | 0)[] = [];
  const ats: string[] = [];
  const c = {
    question: [] as number[],
    rating: [] as number[],
    state: [] as number[],
    covered: [] as (number | number[])[],
    total: [] as number[],
    duration_ms: [] as number[],
    session: [] as number[],
    correct: [] as number[],
    budget_ms: [] as number[],
  };
  for (const r of reviews) {
    ids.push(r.id ?? 0);
    c.question.push(indexIn(questions, r.question));
    ats.push(r.at);
    c.rating.push(r.rating);
    c.state.push(r.state);
    c.covered.push(asBits(r.covered));
    c.total.push(r.total);
    c.duration_ms.push(r.duration_ms);
    c.session.push(indexIn(sessions, r.session));
    c.correct.push(r.correct === undefined ? -1 : r.correct ? 1 : 0);
    c.budget_ms.push(r.budget_ms ?? 0);
  }
  return { questions: [...questions.keys()], sessions: [...sessions.keys()], id: pack(ids), at: pack(ats) as string[] | Packed, ...c };
}

const BITS = 30;
function asBits(covered: readonly number[]): number | number[] {
  let bits = 0;
  for (let i = 0; i < covered.length; i++) {
    const k = covered[i]!;
    if (!(k < BITS && (i === 0 || k > covered[i - 1]!))) return covered as number[];
    bits |= 1 << k;
  }
  return bits;
}

/** Shared by every review that covered nothing, frozen so that nothing can change them all at once. */
const NONE: number[] = Object.freeze([]) as unknown as number[];

function fromBits(v: unknown): number[] | undefined {
  if (Array.isArray(v)) return v.every(isNonNegInt) ? v : undefined;
  if (!isInt(v) || v < 0 || v >= 2 ** BITS) return undefined;
  if (v === 0) return NONE;
  const out: number[] = [];
  for (let k = 0; k < BITS; k++) if (v & (1 << k)) out.push(k);
  return out;
}

/**
 * The reviews the columns hold, each as the session layer writes one (its keys in that
 * order), or undefined when anything in them is not what toColumns writes.
 */
export function fromColumns(v: unknown): Review[] | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const c = v as Record<string, unknown>;
  if (!Array.isArray(c.questions) || !c.questions.every(isId) || !Array.isArray(c.sessions) || !c.sessions.every(isName)) return undefined;
  const n = Array.isArray(c.question) ? c.question.length : -1;
  const ids = unpack(c.id, n);
  const ats = unpack(c.at, n);
  if (!ids || !ats || !COLUMNS.every((k) => k === 'id' || k === 'at' || (Array.isArray(c[k]) && (c[k] as unknown[]).length === n))) return undefined;
  if (ids.length !== n || ats.length !== n) return undefined;
  const k = c as unknown as ReviewColumns;
  // Column by column, each a tight loop of one kind of check (quicker to run than one
  // loop doing all of them), before any review is made.
  const ints = (xs: unknown[], lo: number, hi: number) => {
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      if (!(typeof x === 'number' && x >= lo && x <= hi && Math.floor(x) === x)) return false;
    }
    return true;
  };
  const MAX = Number.MAX_SAFE_INTEGER;
  if (
    !ints(k.question, 0, k.questions.length - 1) ||
    !ints(k.session, 0, k.sessions.length - 1) ||
    !ints(k.rating, 1, 4) ||
    !ints(k.state, 0, 3) ||
    !ints(k.total, 0, MAX) ||
    !ints(k.duration_ms, 0, MAX) ||
    !ints(k.correct, -1, 1) ||
    !ints(k.budget_ms, 0, MAX)
  )
    return undefined;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (!(id === 0 || (typeof id === 'string' && REVIEW_ID.test(id)))) return undefined;
  }
  // Instants packed as canonical ones are checked by one pattern over runs of them.
  const packedAt = !Array.isArray(c.at) && (c.at as Packed).width === 24 && areCanonicalInstants((c.at as Packed).text);
  if (!packedAt)
    for (let i = 0; i < n; i++) {
      const at = ats[i];
      if (!(typeof at === 'string' && isIso(at))) return undefined;
    }
  const covers = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    const bits = k.covered[i];
    const covered = bits === 0 ? NONE : fromBits(bits);
    if (!covered) return undefined;
    covers[i] = covered;
  }
  const out = new Array<Review>(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const correct = k.correct[i]!;
    const budget = k.budget_ms[i]!;
    const r: Review = {
      id: id as string,
      question: k.questions[k.question[i]!]!,
      at: ats[i] as string,
      rating: k.rating[i]!,
      state: k.state[i]!,
      covered: covers[i]!,
      total: k.total[i]!,
      duration_ms: k.duration_ms[i]!,
      session: k.sessions[k.session[i]!]!,
    };
    // Deleted rather than spread in: one object shape for the common case, and this loop runs per review.
    if (id === 0) delete r.id;
    if (correct !== -1) r.correct = correct === 1;
    if (budget) r.budget_ms = budget;
    out[i] = r;
  }
  return out;
}
