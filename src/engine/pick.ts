import type { Question } from '../bank/types.js';
import type { Progress } from '../progress/schema.js';
import type { Rng } from './rng.js';
import { isDue, paramsOf, retrievability } from './schedule.js';
import { atOrAfter } from '../progress/time-order.js';
import { PRIOR_WEAKNESS, reviewMiss, tagWeaknesses, type TagOutcome, type TagWeakness } from './tag-weakness.js';

export { PRIOR_WEAKNESS };

export interface Candidate {
  question: Question;
  kind: 'due' | 'new' | 'ahead';
  retrievability: number;
  /** 1 plus the weakness of the question's weakest tag. */
  weight: number;
  priority: number;
}

/** A question of a session, with why it was picked, in a few words, for its header. */
export interface SessionPick extends Candidate {
  reason: string;
  /** The tag the reason is about (an untried or a weak tag), else the question's first tag. */
  tag: string;
}

const WEAKNESS_WINDOW_DAYS = 30;

/** Per tag: its weakness over the reviews of the last 30 days (see tag-weakness for the rule). */
export function tagStats(questions: readonly Question[], progress: Progress, now: Date): Map<string, TagWeakness> {
  const tagsOf = new Map(questions.map((q) => [q.id, q.tags]));
  const recent = atOrAfter(now.getTime() - WEAKNESS_WINDOW_DAYS * 86_400_000);
  const answers: TagOutcome[] = [];
  for (const r of progress.reviews) if (recent(r.at)) answers.push({ tags: tagsOf.get(r.question) ?? [], miss: reviewMiss(r.rating) });
  return tagWeaknesses(answers);
}

/**
 * Per tag, the weakness that weights its due questions up. A tag with no recent review
 * sits at the prior; new questions of a tag never tried do not depend on it: pickSession
 * offers those first (breadth before depth).
 */
export function tagWeakness(questions: readonly Question[], progress: Progress, now: Date): Map<string, number> {
  return weaknessOf(tagStats(questions, progress, now));
}

function weaknessOf(stats: ReadonlyMap<string, TagWeakness>): Map<string, number> {
  return new Map([...stats].map(([t, w]) => [t, w.weakness]));
}

/** Tags that no answered question carries: every question of theirs is new. */
export function untriedTags(pool: readonly Question[], progress: Progress, all: readonly Question[] = pool): Set<string> {
  const tried = new Set<string>();
  for (const q of all) if (progress.cards[q.id]) for (const t of q.tags) tried.add(t);
  return new Set(pool.flatMap((q) => q.tags).filter((t) => !tried.has(t)));
}

/** Every question's scheduling class and priority; ties are broken by `rng`. */
export function prioritise(
  questions: readonly Question[],
  progress: Progress,
  now: Date,
  rng: Rng,
  all: readonly Question[] = questions,
  // Weakness comes from every loaded question: the pool may be filtered down to new ones.
  weakness: ReadonlyMap<string, number> = tagWeakness(all, progress, now),
): Candidate[] {
  return questions.map((question) => {
    const card = progress.cards[question.id];
    const weight = 1 + Math.max(0, ...question.tags.map((t) => weakness.get(t) ?? PRIOR_WEAKNESS));
    const jitter = rng() * 1e-6;
    // New questions: weaker tags first; within half a point of weakness, a seeded shuffle.
    if (!card) return { question, kind: 'new', retrievability: 0, weight, priority: weight + 0.5 * rng() };
    const r = retrievability(card, now, paramsOf(progress));
    const kind = isDue(card, now) ? 'due' : 'ahead';
    return { question, kind, retrievability: r, weight, priority: (1 - r) * weight + jitter };
  });
}

export interface PickOptions {
  count: number;
  now: Date;
  rng: Rng;
  /** Every loaded question, for tag weakness and for which tags were tried. */
  all?: readonly Question[];
  /** At most this many new questions (0: reviews only). */
  maxNew?: number;
  /** At most this many due reviews (a paced day spreads a backlog over the days left). */
  maxDue?: number;
}

/**
 * Picks a session: due questions (lowest retrievability first, weak tags weighted up)
 * interleaved with new ones, two due to one new (or in the proportion of the two limits
 * when both are given), so that a session is neither only new nor only reviews while
 * both exist; questions not yet due only fill the remainder. New questions come from a
 * tag never tried while the pool has one, one tag after another, so that every topic is
 * offered early; among tried tags the weaker come first.
 */
export function pickSession(questions: readonly Question[], progress: Progress, opts: PickOptions): SessionPick[] {
  const all = opts.all ?? questions;
  // One pass over the review log for both the weighting and the reasons.
  const stats = tagStats(all, progress, opts.now);
  const weakness = weaknessOf(stats);
  const scored = prioritise(questions, progress, opts.now, opts.rng, all, weakness);
  const queue = (kind: Candidate['kind']) => scored.filter((c) => c.kind === kind).sort((a, b) => b.priority - a.priority);
  const due = queue('due');
  const fresh = queue('new');
  const ahead = queue('ahead');
  const dueCap = Math.min(due.length, opts.maxDue ?? Infinity);
  const newCap = Math.min(fresh.length, opts.maxNew ?? Infinity);
  const quotas = opts.maxDue !== undefined && opts.maxNew !== undefined && dueCap + newCap > 0;
  const newShare = quotas ? newCap / (dueCap + newCap) : 1 / 3;
  const untried = untriedTags(questions, progress, all);

  const out: SessionPick[] = [];
  let nDue = 0;
  let nNew = 0;
  while (out.length < opts.count && (nDue < dueCap || nNew < newCap)) {
    // Floor of the running share: with 1/3 this is due, due, new, due, due, new, …
    const wantNew = nNew < newCap && (nDue >= dueCap || nNew < Math.floor((out.length + 1) * newShare + 1e-9));
    if (wantNew) {
      out.push(takeNew(fresh, untried, stats, weakness));
      nNew++;
    } else {
      const c = due.shift()!;
      out.push({ ...c, reason: `due: recall ${Math.round(c.retrievability * 100)}%`, tag: c.question.tags[0] ?? '' });
      nDue++;
    }
  }
  while (out.length < opts.count && ahead.length) {
    const c = ahead.shift()!;
    out.push({ ...c, reason: 'review ahead of time', tag: c.question.tags[0] ?? '' });
  }
  return out;
}

/**
 * The next new question: the first (by priority) carrying a tag never tried and not yet
 * offered in this session, else the first of all. Takes it from `fresh` and marks its
 * tags as offered, so the next one comes from another untried tag.
 */
function takeNew(fresh: Candidate[], untried: Set<string>, stats: ReadonlyMap<string, TagWeakness>, weakness: ReadonlyMap<string, number>): SessionPick {
  let i = fresh.findIndex((c) => c.question.tags.some((t) => untried.has(t)));
  const breadth = i >= 0;
  if (!breadth) i = 0;
  const c = fresh.splice(i, 1)[0]!;
  const opened = c.question.tags.find((t) => untried.has(t));
  for (const t of c.question.tags) untried.delete(t);
  if (breadth) return { ...c, reason: 'new: tag not yet tried', tag: opened! };
  const weakest = [...c.question.tags].sort((a, b) => (weakness.get(b) ?? 0) - (weakness.get(a) ?? 0))[0];
  const s = weakest === undefined ? undefined : stats.get(weakest);
  // Weak: more of its recent answers missed than not, after the prior of weakness.
  if (weakest !== undefined && s && (weakness.get(weakest) ?? 0) > PRIOR_WEAKNESS)
    return { ...c, reason: `weak tag: ${weakest} (${s.missed} of ${s.answers} missed)`, tag: weakest };
  return { ...c, reason: 'new', tag: c.question.tags[0] ?? '' };
}
