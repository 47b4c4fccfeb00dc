import type { Review } from '../progress/schema.js';
import { traceRecalls, type RecallTrace } from './recall-trace.js';
import { DEFAULT_RETENTION, DEFAULT_SCHEDULING, inTimeOrder, type Scheduling } from './schedule.js';

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
  return calibrationOf(traceRecalls(inTimeOrder(reviews), s), now, windowDays, s.retention);
}

/** Pure: calibration from a trace of the log (recall-trace.ts), in one pass over its points. */
export function calibrationOf(trace: RecallTrace, now: Date, windowDays: number, retention: number): Calibration {
  const { at, predicted, recalled } = trace.points;
  const nb = EDGES.length - 1;
  const count = new Array<number>(nb).fill(0);
  const sumP = new Array<number>(nb).fill(0);
  const sumOk = new Array<number>(nb).fill(0);
  const eps = 1e-6;
  const since = now.getTime() - windowDays * 86_400_000;
  let loss = 0;
  let recent = 0;
  let recentOk = 0;
  for (let i = 0; i < at.length; i++) {
    const p = predicted[i]!;
    const ok = recalled[i] === 1;
    // The bin whose [from, to) holds p; the last bin holds 1 itself. A p outside [0, 1] is in none.
    if (p >= 0 && p <= 1) {
      let b = 0;
      while (b < nb - 1 && p >= EDGES[b + 1]!) b++;
      count[b]!++;
      sumP[b]! += p;
      if (ok) sumOk[b]!++;
    }
    const q = Math.min(1 - eps, Math.max(eps, p));
    loss += ok ? Math.log(q) : Math.log(1 - q);
    if (at[i]! >= since && at[i]! <= now.getTime()) {
      recent++;
      if (ok) recentOk++;
    }
  }
  const bins: CalibrationBin[] = [];
  for (let b = 0; b < nb; b++) {
    if (!count[b]) continue;
    bins.push({ from: EDGES[b]!, to: EDGES[b + 1]!, reviews: count[b]!, predicted: sumP[b]! / count[b]!, actual: sumOk[b]! / count[b]! });
  }
  const n = at.length;
  return {
    reviews: n,
    bins,
    rmse_bins: n ? Math.sqrt(bins.reduce((a, b) => a + b.reviews * (b.predicted - b.actual) ** 2, 0) / n) : null,
    log_loss: n ? -loss / n : null,
    recent: { days: windowDays, reviews: recent, retention: recent ? recentOk / recent : null, desired: retention },
  };
}
