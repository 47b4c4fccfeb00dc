import type { Question } from '../bank/types.js';
import type { Progress } from '../progress/schema.js';
import { budgetMs } from './rating.js';
import { prioritise, tagWeakness } from './pick.js';
import type { Plan, PlanItem } from './plan.js';
import type { Rng } from './rng.js';

/** A question of a round with the time it is given. */
export interface RoundItem {
  question: Question;
  budgetMs: number;
  /** The plan part it was drawn for. */
  part: string;
}

export interface Draw {
  items: RoundItem[];
  /** Plan parts that could not be filled, with how many questions they lack. */
  short: { part: string; missing: number }[];
}

// Words that make prompts of unrelated questions look alike ("Which statements ... are true?").
const STOP = new Set(
  'the and for with what which why how does are you your its this that from when would than into can not over there their they give decimal places places statements true select all apply statement correct one two'.split(
    ' ',
  ),
);

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => w.length > 2 && !STOP.has(w)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union ? shared / union : 0;
}

/** Above this similarity two questions test the same thing; tuned on the shipped banks. */
export const NEAR_DUPLICATE = 0.3;

interface Fingerprint {
  prompt: Set<string>;
  all: Set<string>;
}

const fingerprint = (q: Question): Fingerprint => ({ prompt: words(q.prompt), all: words(`${q.prompt} ${q.answer} ${q.key_points.join(' ')}`) });

/**
 * Near-identical: linked by `see_also`, or alike in wording, half prompt and half the
 * whole question (prompt, answer, key points). The prompt alone misjudges template
 * prompts ("output size of this convolution?") that differ only in numbers.
 */
export function similarity(a: Question, b: Question, fa = fingerprint(a), fb = fingerprint(b)): number {
  if (a.id === b.id || a.see_also.includes(b.id) || b.see_also.includes(a.id)) return 1;
  return 0.5 * jaccard(fa.prompt, fb.prompt) + 0.5 * jaccard(fa.all, fb.all);
}

/** Weak tags draw more often: 0.25 + the tag's weakness (0.5 for a tag never reviewed). */
export function tagWeight(weakness: ReadonlyMap<string, number>, tag: string): number {
  return 0.25 + (weakness.get(tag) ?? 0.5);
}

const DIFFICULTY_ORDER = { easy: 0, medium: 1, hard: 2 } as const;

/**
 * Pure: draws a round from a plan. Part by part, each question comes from a tag chosen
 * at random weighted to weakness among the part's least-used tags (so a round spreads
 * across topics before repeating one); within the tag the question with the highest
 * scheduling priority wins (due and forgotten first, as in `run`). A question too close
 * to one already drawn is never taken. Within a part, easier questions come first, as
 * an interviewer warms up.
 */
export function drawRound(
  questions: readonly Question[],
  progress: Progress,
  plan: Plan,
  opts: { now: Date; rng: Rng; perQuestionS?: number; all?: readonly Question[] },
): Draw {
  // Weakness comes from every loaded question, as in `run`: `questions` may be filtered.
  const all = opts.all ?? questions;
  const candidates = prioritise(questions, progress, opts.now, opts.rng, all);
  const weakness = tagWeakness(all, progress, opts.now);
  const prints = new Map(questions.map((q) => [q.id, fingerprint(q)]));
  // Every question too close to one already drawn (itself included), updated once per draw so a long round stays linear.
  const blocked = new Set<string>();
  const take = (q: Question) => {
    for (const c of questions) if (!blocked.has(c.id) && similarity(q, c, prints.get(q.id), prints.get(c.id)) >= NEAR_DUPLICATE) blocked.add(c.id);
  };
  const items: RoundItem[] = [];
  const short: Draw['short'] = [];

  for (const part of plan.blend) {
    const wanted = new Set(part.tags.map((t) => t.toLowerCase()));
    const topicsOf = (q: Question) => q.tags.filter((t) => !wanted.size || wanted.has(t.toLowerCase()));
    const pool = candidates.filter((c) => topicsOf(c.question).length && (!part.difficulty || part.difficulty.includes(c.question.difficulty)));
    const used = new Map<string, number>();
    const picked: Question[] = [];
    while (picked.length < part.count) {
      const open = pool.filter((c) => !blocked.has(c.question.id));
      if (!open.length) break;
      const tags = [...new Set(open.flatMap((c) => topicsOf(c.question)))].sort();
      const fewest = Math.min(...tags.map((t) => used.get(t) ?? 0));
      const tag = weightedPick(
        tags.filter((t) => (used.get(t) ?? 0) === fewest),
        (t) => tagWeight(weakness, t),
        opts.rng,
      );
      const best = open.filter((c) => c.question.tags.includes(tag)).reduce((a, b) => (b.priority > a.priority ? b : a));
      picked.push(best.question);
      take(best.question);
      for (const t of topicsOf(best.question)) used.set(t, (used.get(t) ?? 0) + 1);
    }
    if (picked.length < part.count) short.push({ part: part.label, missing: part.count - picked.length });
    picked.sort((a, b) => DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty]);
    for (const q of picked) items.push({ question: q, budgetMs: budgetFor(q, part, plan, opts.perQuestionS), part: part.label });
  }
  return { items, short };
}

/** --per-question, else the plan part's, else the plan's, else the question's own budget. */
function budgetFor(q: Question, part: PlanItem, plan: Plan, perQuestionS: number | undefined): number {
  const s = perQuestionS ?? part.per_question ?? plan.per_question;
  return s !== undefined ? Math.round(s * 1000) : budgetMs(q);
}

function weightedPick<T>(items: readonly T[], weight: (t: T) => number, rng: Rng): T {
  const total = items.reduce((a, t) => a + weight(t), 0);
  let x = rng() * total;
  for (const t of items) {
    x -= weight(t);
    if (x < 0) return t;
  }
  return items[items.length - 1]!;
}
