import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBanks } from '../../src/bank/load.js';
import type { Question } from '../../src/bank/types.js';
import { pickSession, untriedTags } from '../../src/engine/pick.js';
import { applyReview } from '../../src/engine/review.js';
import { createRng } from '../../src/engine/rng.js';
import { emptyProgress, type Progress } from '../../src/progress/schema.js';
import { days, NOW, q } from './fixtures.js';

const review = (p: Progress, id: string, rating: 1 | 2 | 3 | 4, at = NOW) =>
  applyReview(p, { question: id, rating, now: at, covered: [], total: 2, durationMs: 1000, session: 's' });
const TAGS = ['a', 'b', 'c', 'd', 'e'];
/** Six questions in each of five tags. */
const bank = TAGS.flatMap((t) => Array.from({ length: 6 }, (_, i) => q(`${t}${i}`, { tags: [t] })));

describe('breadth: every tag is offered early', () => {
  it('a fresh start offers one new question from each tag before a second from any', () => {
    const picks = pickSession(bank, emptyProgress(), { count: 5, now: NOW, rng: createRng('b') });
    expect(new Set(picks.map((p) => p.question.tags[0]))).toEqual(new Set(TAGS));
    expect(picks.map((p) => p.reason)).toEqual(Array(5).fill('new: tag not yet tried'));
    expect(picks.map((p) => p.tag).sort()).toEqual(TAGS);
  });

  it('regression: a tag already failed no longer outranks the tags never tried (the "half weak" trap)', () => {
    let p = emptyProgress();
    for (let i = 0; i < 3; i++) p = review(p, `a${i}`, 1, days(-1)); // tag a: failed three times
    const fresh = pickSession(bank, p, { count: 7, now: NOW, rng: createRng('t') }).filter((c) => c.kind === 'new');
    expect(fresh.map((c) => c.question.tags[0]).sort()).toEqual(['b', 'c', 'd', 'e']);
  });

  it('once every tag is tried, weakness weighting applies among them and the header says so', () => {
    let p = emptyProgress();
    for (const t of TAGS) p = review(p, `${t}0`, 3, days(-2));
    for (let i = 1; i < 4; i++) p = review(p, `c${i}`, 1, days(-1));
    expect(untriedTags(bank, p).size).toBe(0);
    const [first] = pickSession(bank, p, { count: 1, maxNew: 1, maxDue: 0, now: NOW, rng: createRng('w') });
    expect(first!.question.tags).toEqual(['c']);
    // c: Good once, Again three times in 30 days.
    expect(first!.reason).toBe('weak tag: c (3 of 4 missed)');
  });

  it('untried tags are those of the pool that no answered question of all loaded ones carries', () => {
    const p = review(emptyProgress(), 'x', 3);
    const all = [...bank, q('x', { tags: ['a', 'z'] })];
    expect([...untriedTags(bank, p, all)].sort()).toEqual(['b', 'c', 'd', 'e']);
  });
});

describe('why each question was picked', () => {
  it.each([
    ['due', 'due: recall'],
    ['ahead', 'review ahead of time'],
  ])('%s questions say %j', (kind, reason) => {
    let p = emptyProgress();
    p = review(p, 'a0', 3, kind === 'due' ? days(-30) : days(0));
    const [pick] = pickSession([bank[0]!], p, { count: 1, now: NOW, rng: createRng(1) });
    expect(pick!.kind).toBe(kind);
    expect(pick!.reason.startsWith(reason)).toBe(true);
    if (kind === 'due') expect(pick!.reason).toBe(`due: recall ${Math.round(pick!.retrievability * 100)}%`);
  });
});

describe('limits: --new and --reviews-only', () => {
  let p = emptyProgress();
  for (let i = 0; i < 6; i++) p = review(p, `a${i}`, 3, days(-40)); // six due
  it.each([
    [{ maxNew: 0 }, 6, 0],
    [{ maxNew: 2 }, 6, 2],
    [{}, 6, 4],
    [{ maxNew: 3, maxDue: 2 }, 2, 3],
  ])('%j gives %i due and %i new', (limits, wantDue, wantNew) => {
    const picks = pickSession(bank, p, { count: 10, now: NOW, rng: createRng(2), ...limits });
    expect(picks.filter((c) => c.kind === 'due')).toHaveLength(wantDue);
    expect(picks.filter((c) => c.kind === 'new')).toHaveLength(wantNew);
  });

  it('with both limits, new questions are spread through the session, not bunched at the end', () => {
    const kinds = pickSession(bank, p, { count: 9, maxNew: 3, maxDue: 6, now: NOW, rng: createRng(2) })
      .map((c) => c.kind[0])
      .join('');
    expect(kinds).toBe('ddnddnddn');
  });
});

describe('a simulated month of daily sessions over the shipped banks', () => {
  let questions: Question[];
  beforeAll(async () => {
    questions = (await loadBanks([resolve(import.meta.dirname, '../../questions')], process.cwd())).questions;
  });

  it('a learner failing 40% at random is offered every tag by the time as many new questions have been asked as there are tags', () => {
    const tags = new Set(questions.flatMap((x) => x.tags));
    const learner = createRng('learner');
    let p = emptyProgress();
    const newAsked: Question[] = [];
    const offered = new Set<string>();
    for (let day = 0; day < 30; day++) {
      const now = new Date(NOW.getTime() + day * 86_400_000);
      for (const pick of pickSession(questions, p, { count: 10, now, rng: createRng(`day-${day}`) })) {
        if (pick.kind === 'new') newAsked.push(pick.question);
        if (newAsked.length <= tags.size) for (const t of pick.question.tags) offered.add(t);
        p = review(p, pick.question.id, learner() < 0.4 ? 1 : 3, now);
      }
    }
    expect(newAsked.length).toBeGreaterThanOrEqual(tags.size);
    expect([...tags].filter((t) => !offered.has(t))).toEqual([]);
    // Before the fix, 8 days of this offered 5 of 25 tags.
    expect(tags.size).toBeGreaterThan(25);
  });
});
