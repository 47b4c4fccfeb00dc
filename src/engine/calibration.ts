import type { Review } from '../progress/schema.js';
import { DEFAULT_RETENTION, DEFAULT_SCHEDULING, predictedRecalls, type Scheduling } from './schedule.js';

/** The retention the scheduler aims for unless the person sets another (`mlquiz optimize --retention`). */
export const DESIRED_RETENTION = DEFAULT_RETENTION;

export interface CalibrationBin {
  /** Predicted recall from `from` (inclusive) to `to` (exclusive, inclusive for the last bin). */
  from: number;
  to: number;
  reviews: number;
  /** Mean predicted recall of the reviews in the bin. */
  predicted: number;
  /** Share of them recalled (rated Hard, Good or Easy: FSRS counts only Again as forgotten). */
  actual: number;
}

export interface Calibration {
  /** Reviews of a card that had been reviewed before: the ones FSRS made a prediction for. */
  reviews: number;
  bins: CalibrationBin[];
  /** Count-weighted root mean square of (predicted − actual) over the bins, as srs-benchmark's RMSE(bins). */
  rmse_bins: number | null;
  log_loss: number | null;
  /** The same pass rate over the last `days` days, against what the scheduler aims for. */
  recent: { days: number; reviews: number; retention: number | null; desired: number };
}

const EDGES = [0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1];

/**
 * Pure: how well the scheduler's predictions matched this person's answers. The review
 * log is replayed in time order; before each review of a card already seen, the recall
 * FSRS predicted at that moment is set against whether the answer was recalled.
 */
export function calibration(reviews: readonly Review[], now: Date, windowDays = 30, s: Scheduling = DEFAULT_SCHEDULING): Calibration {
  const points = predictedRecalls(reviews, s).map((x) => ({ p: x.predicted, ok: x.recalled, t: x.at }));
  const bins: CalibrationBin[] = [];
  for (let b = 0; b < EDGES.length - 1; b++) {
    const last = b === EDGES.length - 2;
    const inBin = points.filter((x) => x.p >= EDGES[b]! && (last ? x.p <= 1 : x.p < EDGES[b + 1]!));
    if (!inBin.length) continue;
    const mean = (xs: number[]) => xs.reduce((a, c) => a + c, 0) / xs.length;
    bins.push({
      from: EDGES[b]!,
      to: EDGES[b + 1]!,
      reviews: inBin.length,
      predicted: mean(inBin.map((x) => x.p)),
      actual: mean(inBin.map((x) => (x.ok ? 1 : 0))),
    });
  }
  const n = points.length;
  const eps = 1e-6;
  const since = now.getTime() - windowDays * 86_400_000;
  const recent = points.filter((x) => x.t >= since && x.t <= now.getTime());
  return {
    reviews: n,
    bins,
    rmse_bins: n ? Math.sqrt(bins.reduce((a, b) => a + b.reviews * (b.predicted - b.actual) ** 2, 0) / n) : null,
    log_loss: n
      ? -points.reduce((a, x) => a + (x.ok ? Math.log(Math.min(1 - eps, Math.max(eps, x.p))) : Math.log(1 - Math.min(1 - eps, Math.max(eps, x.p)))), 0) / n
      : null,
    recent: {
      days: windowDays,
      reviews: recent.length,
      retention: recent.length ? recent.filter((x) => x.ok).length / recent.length : null,
      desired: s.retention,
    },
  };
}
