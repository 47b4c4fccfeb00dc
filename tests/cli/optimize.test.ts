import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { default_w, fsrs, generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { fitParameters, platformName } from '../../src/cli/optimizer.js';
import { DEFAULT_DAY_START, personDay, type Offset } from '../../src/engine/days.js';
import { MIN_TRAINING_REVIEWS, stepHistories, trainingReviews } from '../../src/engine/optimize.js';
import { replayCards } from '../../src/engine/replay.js';
import { schedulingOf } from '../../src/engine/schedule.js';
import { RuntimeFailure } from '../../src/errors.js';
import type { Progress } from '../../src/progress/schema.js';
import { formatProgress, openStore } from '../../src/progress/store.js';
import { cardReplay } from '../../src/engine/replay.js';
import { runCli } from './harness.js';
import { learnerHistory, TRUE_PARAMS } from './learner.js';

/** California: the learner practises in the evening, and the days are the person's. */
const LA: Offset = () => 480;
const days = personDay(LA, DEFAULT_DAY_START);
const END = new Date('2026-11-21T09:00:00.000Z');

async function withHistory(p: Progress) {
  const { home } = await runCli(['list', '--json']);
  writeFileSync(join(home, 'progress.json'), formatProgress(p));
  const run = (argv: string[]) => runCli([...argv, '--data-dir', home], { offset: LA });
  // Read as the CLI reads it: every card replayed under the settings in force, on the person's days.
  const stored = (): Progress => openStore(home, { scheduling: cardReplay(days) }).load();
  return { home, run, stored, file: join(home, 'progress.json') };
}

const big = learnerHistory({ questions: 150, days: 120, seed: 'optimize', end: END, days_offset: days });

describe('mlquiz optimize', () => {
  it('fits a learner with known non-default memory: lower log loss than the defaults, parameters moved towards the truth, cards rescheduled', async () => {
    expect(trainingReviews(stepHistories(big.reviews, days))).toBeGreaterThan(MIN_TRAINING_REVIEWS);
    const { run, stored } = await withHistory(big);
    const r = await run(['optimize', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.fitted).toBe(true);
    expect(out.fit.log_loss).toBeLessThan(out.default.log_loss - 0.01);
    expect(out.fit.rmse_bins).toBeLessThan(out.default.rmse_bins);
    const p = stored();
    expect(p.fsrs!.fitted!.params).toEqual(out.params);
    expect(p.fsrs!.fitted).toMatchObject({ at: END.toISOString(), reviews: out.training_reviews });
    // The learner's first stability after Good is a third of the default one: the fit finds it smaller.
    const w = p.fsrs!.fitted!.params;
    expect(Math.abs(w[2]! - TRUE_PARAMS[2]!)).toBeLessThan(Math.abs(default_w[2]! - TRUE_PARAMS[2]!));
    // Every card is the replay of the reviews under the parameters now in use, on the person's days.
    expect(p.cards).toEqual(replayCards(p.reviews, schedulingOf(p, days)));
    expect(p.cards).not.toEqual(big.cards);

    const text = await run(['report']);
    expect(text.out).toMatch(
      new RegExp(`Scheduler: parameters fitted to your history on 2026-11-21 \\(${out.training_reviews} reviews\\),\\s+aiming for 90% recall`),
    );
    const json = JSON.parse((await run(['report', '--json'])).out);
    expect(json.scheduler).toEqual({ parameters: 'fitted', fitted_at: END.toISOString(), fitted_reviews: out.training_reviews, retention: 0.9, day_start: 4 });

    // --reset: the defaults again, and the cards with them.
    const reset = await run(['optimize', '--reset']);
    expect(reset.out).toMatch(/Back to FSRS-6's default parameters, aiming for 90% recall; 150 cards rescheduled\./);
    const back = stored();
    expect(back.fsrs).toBeUndefined();
    expect(back.cards).toEqual(big.cards);
    expect(JSON.parse((await run(['report', '--json'])).out).scheduler).toMatchObject({ parameters: 'default', fitted_at: null });
    expect((await run(['report'])).out).toMatch(/Scheduler: FSRS-6 default parameters/);
  }, 60_000);

  it('below the threshold says how many more reviews it needs and changes nothing', async () => {
    const small = learnerHistory({ questions: 20, days: 12, seed: 'small', end: END, days_offset: days, perDay: 4 });
    const n = trainingReviews(stepHistories(small.reviews, days));
    expect(n).toBeLessThan(MIN_TRAINING_REVIEWS);
    const { run, file } = await withHistory(small);
    const before = readFileSync(file, 'utf8');
    const r = await run(['optimize']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `Fitting needs ${MIN_TRAINING_REVIEWS} reviews of questions answered again on a later day; you have ${n}, so ${MIN_TRAINING_REVIEWS - n} more reviews to go. The parameters are unchanged.`,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it.each(['0.69', '0.98', '1', 'high', ''])('--retention %j is refused (0.70 to 0.97), exit 2', async (v) => {
    const { run, file } = await withHistory(big);
    const before = readFileSync(file, 'utf8');
    const r = await run(['optimize', '--retention', v]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--retention.*Expected a number from 0\.7 to 0\.97/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('--retention sets the desired retention: stored, cards rescheduled for it, shown in the report', async () => {
    const small = learnerHistory({ questions: 20, days: 12, seed: 'small', end: END, days_offset: days, perDay: 4 });
    const { run, stored, home } = await withHistory(small);
    const r = await run(['optimize', '--retention', '0.8']);
    expect(r.out).toContain('Desired retention set to 80%; cards rescheduled.');
    const p = stored();
    expect(p.fsrs).toEqual({ retention: 0.8 });
    expect(p.cards).toEqual(replayCards(p.reviews, schedulingOf(p, days)));
    // Aiming lower, the intervals are longer.
    const later = Object.keys(p.cards).filter((id) => p.cards[id]!.scheduled_days > small.cards[id]!.scheduled_days);
    expect(later.length).toBeGreaterThan(0);
    expect(JSON.parse((await run(['report', '--json'])).out).scheduler).toMatchObject({ parameters: 'default', retention: 0.8 });
    const html = join(home, 'report.html');
    expect((await run(['report', '--html', html])).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain(
      '<p id="scheduler">Scheduler: FSRS-6 default parameters (`mlquiz optimize` fits them to you), aiming for 80% recall; days start at 4:00.</p>',
    );
  });

  it('ts-fsrs reads fitted parameters as fsrs-rs fits them: the same memory after each answer, same-day answers included', async () => {
    const b = await import('@open-spaced-repetition/binding');
    const ours = fsrs(generatorParameters({ w: TRUE_PARAMS, enable_short_term: false }));
    const theirs = new b.FSRSBinding([...TRUE_PARAMS]);
    let m: { stability: number; difficulty: number } | null = null;
    let n: InstanceType<typeof b.BindingMemoryState> | null = null;
    for (const [rating, t] of [
      [3, 0],
      [3, 3],
      [3, 0],
      [1, 10],
      [2, 1],
      [4, 4],
      [3, 20],
    ] as const) {
      m = ours.next_state(m, t, rating);
      const next = theirs.nextStates(n, 0.9, t);
      n = [next.again, next.hard, next.good, next.easy][rating - 1]!.memory;
      expect(m.stability).toBeCloseTo(n.stability, 3);
      expect(m.difficulty).toBeCloseTo(n.difficulty, 3);
    }
  });

  it('without a native build for the platform, fails in one line naming it', async () => {
    const err = await fitParameters(
      [[{ rating: 3, delta_t: 0 }]],
      () => {},
      () => Promise.reject(new Error('Cannot find native binding\nmore')),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(RuntimeFailure);
    expect(err.message).toContain(`has no native build for this platform (${platformName()})`);
    expect(err.message).not.toContain('\n');
    expect(platformName()).toMatch(/^[a-z0-9]+-[a-z0-9]+/);
  });
});
