import type { Question } from '../bank/types.js';
import type { Progress } from '../progress/schema.js';
import type { Rng } from './rng.js';
import { isDue, retrievability } from './schedule.js';

export interface Candidate {
  question: Question;
  kind: 'due' | 'new' | 'ahead';
  retrievability: number;
  /** 1 plus the weakness of the question's weakest tag. */
  weight: number;
  priority: number;
}

const WEAKNESS_WINDOW_DAYS = 30;

/**
 * Per tag: the share of Again/Hard ratings among its reviews in the last 30 days, with
 * a prior of one weak and one strong review so that one bad answer does not dominate.
 * A tag with no recent review sits at the prior, 0.5: unexplored counts as half weak.
 */
export const PRIOR_WEAKNESS = 0.5;

export function tagWeakness(questions: readonly Question[], progress: Progress, now: Date): Map<string, number> {
  const tagsOf = new Map(questions.map((q) => [q.id, q.tags]));
  const since = now.getTime() - WEAKNESS_WINDOW_DAYS * 86_400_000;
  const counts = new Map<string, { weak: number; n: number }>();
  for (const r of progress.reviews) {
    if (Date.parse(r.at) < since) continue;
    for (const t of tagsOf.get(r.question) ?? []) {
      const c = counts.get(t) ?? { weak: 0, n: 0 };
      c.n++;
      if (r.rating <= 2) c.weak++;
      counts.set(t, c);
    }
  }
  const out = new Map<string, number>();
  for (const [t, c] of counts) out.set(t, (c.weak + 1) / (c.n + 2));
  return out;
}

/** Every question's scheduling class and priority; ties are broken by `rng`. */
export function prioritise(questions: readonly Question[], progress: Progress, now: Date, rng: Rng, all: readonly Question[] = questions): Candidate[] {
  // Weakness comes from every loaded question: the pool may be filtered down to new ones.
  const weakness = tagWeakness(all, progress, now);
  return questions.map((question) => {
    const card = progress.cards[question.id];
    const weight = 1 + Math.max(0, ...question.tags.map((t) => weakness.get(t) ?? PRIOR_WEAKNESS));
    const jitter = rng() * 1e-6;
    // New questions: weaker tags first; within half a point of weakness, a seeded shuffle.
    if (!card) return { question, kind: 'new', retrievability: 0, weight, priority: weight + 0.5 * rng() };
    const r = retrievability(card, now);
    const kind = isDue(card, now) ? 'due' : 'ahead';
    return { question, kind, retrievability: r, weight, priority: (1 - r) * weight + jitter };
  });
}

/**
 * Picks a session: due questions (lowest retrievability first, weak tags weighted up)
 * interleaved with new ones, two due to one new, so that a session is neither only new
 * nor only reviews while both exist; questions not yet due only fill the remainder.
 */
export function pickSession(
  questions: readonly Question[],
  progress: Progress,
  opts: { count: number; now: Date; rng: Rng; all?: readonly Question[] },
): Candidate[] {
  const all = prioritise(questions, progress, opts.now, opts.rng, opts.all);
  const queue = (kind: Candidate['kind']) => all.filter((c) => c.kind === kind).sort((a, b) => b.priority - a.priority);
  const due = queue('due');
  const fresh = queue('new');
  const ahead = queue('ahead');
  const out: Candidate[] = [];
  while (out.length < opts.count && (due.length || fresh.length)) {
    const slot = out.length % 3;
    const from = (slot < 2 && due.length) || !fresh.length ? due : fresh;
    out.push(from.shift()!);
  }
  while (out.length < opts.count && ahead.length) out.push(ahead.shift()!);
  return out;
}
