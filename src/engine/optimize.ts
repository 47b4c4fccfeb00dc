import { instantOf } from '../progress/time-order.js';
import type { FsrsSettings, Progress, Review } from '../progress/schema.js';
import { calibration } from './calibration.js';
import type { Offset } from './days.js';
import { replayCards } from './replay.js';
import { elapsedDays, inTimeOrder, schedulingOf, type Scheduling } from './schedule.js';

/**
 * Reviews FSRS can learn from (a question answered again on a later day) needed before
 * fitting: Anki's optimizer asked for 400 before it fitted all parameters rather than a
 * few, and below that, with 21 parameters, a fit follows the noise of a few questions.
 */
export const MIN_TRAINING_REVIEWS = 400;

/** One step of a question's history as FSRS optimisers read it: the rating, and the person's days since the previous answer (0 for the first). */
export interface Step {
  rating: number;
  delta_t: number;
}

/**
 * Pure: each question's answers in time order, with the gaps in the person's days, the
 * very gaps nextCard counts (days.ts personDay), so that the fit and the scheduler
 * agree on what a day is.
 */
export function stepHistories(reviews: readonly Review[], days: Offset): Step[][] {
  const byQuestion = new Map<string, { steps: Step[]; last: number }>();
  for (const r of inTimeOrder(reviews)) {
    const t = instantOf(r.at);
    const h = byQuestion.get(r.question);
    if (!h) byQuestion.set(r.question, { steps: [{ rating: r.rating, delta_t: 0 }], last: t });
    else {
      h.steps.push({ rating: r.rating, delta_t: elapsedDays(Math.min(h.last, t), t, days) });
      h.last = t;
    }
  }
  return [...byQuestion.values()].map((h) => h.steps);
}

/** The reviews a fit learns from: every answer after the first whose gap is a day or more. */
export function trainingReviews(hs: readonly Step[][]): number {
  let n = 0;
  for (const h of hs) for (let i = 1; i < h.length; i++) if (h[i]!.delta_t > 0) n++;
  return n;
}

export interface Fit {
  log_loss: number | null;
  rmse_bins: number | null;
}

/** How well a scheduling predicted this history: calibration's log loss and RMSE(bins), one definition for the report and the optimizer. */
export function fitOf(reviews: readonly Review[], s: Scheduling, now: Date): Fit {
  const k = calibration(reviews, now, 30, s);
  return { log_loss: k.log_loss, rmse_bins: k.rmse_bins };
}

/**
 * Pure: the progress with new FSRS settings (undefined for the defaults), its cards
 * rebuilt by replaying every review under them, so that no card keeps a schedule made
 * with parameters no longer in use.
 */
export function withSettings(progress: Progress, fsrs: FsrsSettings | undefined, days: Offset): Progress {
  const next = withFsrs(progress, fsrs);
  return { ...next, cards: replayCards(next.reviews, schedulingOf(next, days)) };
}

/** The settings alone, for a store that replays the cards itself when the scheduling changes. */
export function withFsrs(progress: Progress, fsrs: FsrsSettings | undefined): Progress {
  const { fsrs: _old, ...rest } = progress;
  return fsrs && (fsrs.fitted || fsrs.retention !== undefined) ? { ...rest, fsrs } : rest;
}
