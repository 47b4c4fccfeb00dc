import { byText } from '../format/compare.js';

/**
 * The one definition of how weak a tag is, used wherever mlquiz names a weak tag: the
 * picker's weighting and its "weak tag" reason, the end-of-session summary, the mock
 * scorecard and the report's Next. Each caller chooses which answers count (the last
 * 30 days, this session, this round); the rule is the same.
 *
 * Each answer is a miss between 0 and 1: Again or Hard is a whole miss, Good or Easy
 * none; a mock question scored 0.6 is 0.4 of a miss. A tag's weakness is its share of
 * misses with a prior of one miss and one hit, so that one bad answer does not make a
 * tag the weakest of all: (missed + 1) / (answers + 2). A tag never answered sits at
 * the prior, 0.5.
 */
export interface TagOutcome {
  tags: readonly string[];
  /** In [0, 1]: 1 a full miss, 0 a full hit. */
  miss: number;
}

export interface TagWeakness {
  tag: string;
  /** The sum of misses (a count when every answer is a whole hit or miss). */
  missed: number;
  answers: number;
  weakness: number;
}

export const PRIOR_WEAKNESS = 0.5;

/** A review's miss: Again (1) and Hard (2) are misses. */
export const reviewMiss = (rating: number): number => (rating <= 2 ? 1 : 0);

export function tagWeaknesses(outcomes: Iterable<TagOutcome>): Map<string, TagWeakness> {
  const out = new Map<string, TagWeakness>();
  for (const o of outcomes)
    for (const tag of o.tags) {
      const w = out.get(tag) ?? { tag, missed: 0, answers: 0, weakness: PRIOR_WEAKNESS };
      w.missed += o.miss;
      w.answers++;
      w.weakness = (w.missed + 1) / (w.answers + 2);
      out.set(tag, w);
    }
  return out;
}

/** Tags with at least one miss, weakest first (then the more answered, then by name). */
export function weakestTags(outcomes: Iterable<TagOutcome>, limit = Infinity): TagWeakness[] {
  return [...tagWeaknesses(outcomes).values()]
    .filter((w) => w.missed > 0)
    .sort((a, b) => b.weakness - a.weakness || b.answers - a.answers || byText(a.tag, b.tag))
    .slice(0, limit);
}
