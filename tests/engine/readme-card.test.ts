import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyReview } from '../../src/engine/review.js';
import { emptyProgress } from '../../src/progress/schema.js';

// The README's example progress file, its first card and first review.
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const line = (re: RegExp) => JSON.parse(README.match(re)![1]!.replace(/,$/, ''));

describe("the README's example progress file", () => {
  it("regression: its card is the one its review produces (it mixed Good's interval with a Hard rating)", () => {
    const card = line(/^"reg-l1-sparsity":(\{"due".*\})$/m);
    const review = line(/^"reviews":\[[^\n]*\n(\{"question".*\})$/m);
    const p = applyReview(emptyProgress(), {
      question: review.question,
      rating: review.rating,
      now: new Date(review.at),
      covered: review.covered,
      total: review.total,
      durationMs: review.duration_ms,
      budgetMs: review.budget_ms,
      session: review.session,
    });
    expect(p.cards[review.question]).toEqual(card);
    expect(p.reviews[0]).toEqual(review);
  });
});
