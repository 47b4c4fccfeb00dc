import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayCards } from '../../src/engine/replay.js';
import { applyReview } from '../../src/engine/review.js';
import { parseJournal } from '../../src/progress/journal.js';
import { emptyProgress } from '../../src/progress/schema.js';

// The README's example journal, and the card it shows for that journal's review.
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const journal = README.match(/^(\{"mlquiz":"journal".*\n(?:\{.*\}\n)+)/m)![1]!;
const card = JSON.parse(README.match(/^(\{"reg-l1-sparsity":\{"due".*\}\})$/m)![1]!);

describe("the README's example journal", () => {
  it("regression: its card is the one its review produces (it mixed Good's interval with a Hard rating)", () => {
    const events = parseJournal(journal.replace('"…"', '"bias-variance-tradeoff"'), 'README.md').events;
    const review = events.flatMap((e) => ('review' in e ? [e.review] : []))[0]!;
    const p = applyReview(emptyProgress(), {
      question: review.question,
      rating: review.rating as 2,
      now: new Date(review.at),
      covered: review.covered,
      total: review.total,
      durationMs: review.duration_ms,
      budgetMs: review.budget_ms,
      session: review.session,
    });
    expect(p.cards).toEqual(card);
    expect(replayCards([review])).toEqual(card);
    expect(p.reviews[0]).toEqual(review);
    expect(events.map((e) => Object.keys(e)[0])).toEqual(['set', 'review', 'session']);
  });
});
