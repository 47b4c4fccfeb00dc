import { DEFAULT_RETENTION, schedulingOf } from '../../engine/schedule.js';
import { fitOf, MIN_TRAINING_REVIEWS, stepHistories, trainingReviews, withFsrs, type Fit } from '../../engine/optimize.js';
import { plural } from '../../format/plural.js';
import type { FsrsSettings, Progress } from '../../progress/schema.js';
import { progressLine } from '../../ui/progress-line.js';
import { dayStartHour, localDays, writeJson, type Context } from '../context.js';
import { progressStore } from '../progress.js';
import { fitParameters } from '../optimizer.js';

interface OptimizeOptions {
  retention?: number;
  reset?: boolean;
  json?: boolean;
  dataDir?: string;
}

const pct = (r: number) => `${Math.round(r * 100)}%`;
const fixed = (x: number | null) => (x === null ? '–' : x.toFixed(4));
// As Anki shows them: more places than that are the optimizer's noise.
const rounded = (params: readonly number[]) => params.map((w) => Math.round(w * 10_000) / 10_000);

/** The settings with the desired retention as asked (kept as it was when not asked). */
function withRetention(fsrs: FsrsSettings | undefined, retention: number | undefined): FsrsSettings | undefined {
  return retention === undefined ? fsrs : { ...fsrs, retention };
}

/**
 * `mlquiz optimize [--retention R] [--reset]`: FSRS-6 parameters fitted to the person's
 * own reviews, on the person's days, stored and used from then on when they predict the
 * history better than the defaults; every card is rescheduled under them in the same commit.
 */
export default async function optimize(opts: OptimizeOptions, _args: string[], ctx: Context): Promise<number> {
  const store = progressStore(ctx, opts.dataDir);
  const days = localDays(ctx);
  const progress = store.load();
  const say = (t: string) => ctx.stdout.write(t + '\n');
  const save = (settings: (p: Progress) => FsrsSettings | undefined) => store.commit((p) => withFsrs(p, settings(p)));

  if (opts.reset) {
    const saved = await save(() => withRetention(undefined, opts.retention));
    const retention = schedulingOf(saved, days).retention;
    if (opts.json) writeJson(ctx, { parameters: 'default', retention, cards: Object.keys(saved.cards).length });
    else say(`Back to FSRS-6's default parameters, aiming for ${pct(retention)} recall; ${plural(Object.keys(saved.cards).length, 'card')} rescheduled.`);
    return 0;
  }

  const hs = stepHistories(progress.reviews, days);
  const training = trainingReviews(hs);
  if (training < MIN_TRAINING_REVIEWS) {
    const saved = opts.retention === undefined ? progress : await save((p) => withRetention(p.fsrs, opts.retention));
    const more = MIN_TRAINING_REVIEWS - training;
    if (opts.json) writeJson(ctx, { fitted: false, training_reviews: training, needed: MIN_TRAINING_REVIEWS, retention: schedulingOf(saved, days).retention });
    else {
      say(
        `Fitting needs ${MIN_TRAINING_REVIEWS} reviews of questions answered again on a later day; you have ${training}, so ${plural(more, 'more review')} to go. The parameters are unchanged.`,
      );
      if (opts.retention !== undefined) say(`Desired retention set to ${pct(opts.retention)}; cards rescheduled.`);
    }
    return 0;
  }

  const bar = progressLine(ctx.stderr as NodeJS.WritableStream & { isTTY?: boolean }, `Fitting FSRS-6 to ${plural(training, 'review')}…`);
  const started = ctx.now().getTime();
  let params: number[];
  let before: Fit;
  let after: Fit;
  let better: boolean;
  let at: Date;
  const retention = opts.retention ?? progress.fsrs?.retention ?? DEFAULT_RETENTION;
  try {
    params = rounded(await fitParameters(hs, bar.update));
    at = ctx.now();
    bar.status('Checking the fit against your answers…');
    before = fitOf(progress.reviews, { retention, days }, at);
    after = fitOf(progress.reviews, { retention, days, params }, at);
    better = after.log_loss !== null && before.log_loss !== null && after.log_loss <= before.log_loss;
    const fitted = { params, at: at.toISOString(), reviews: training };
    bar.status('Rescheduling every card…');
    if (better || opts.retention !== undefined) await save((p) => withRetention(better ? { ...p.fsrs, fitted } : p.fsrs, opts.retention));
  } finally {
    bar.end();
  }

  if (opts.json) {
    writeJson(ctx, { fitted: better, training_reviews: training, retention, default: before, fit: after, params, seconds: (at.getTime() - started) / 1000 });
    return 0;
  }
  const questions = hs.filter((h) => h.length > 1).length;
  say(`Fitted FSRS-6 to ${plural(training, 'review')} of ${plural(questions, 'question')}, on days that start at ${dayStartHour(ctx)}:00.`);
  say(`  ${''.padEnd(10)} ${'log loss'.padStart(9)} ${'RMSE(bins)'.padStart(11)}`);
  say(`  ${'default'.padEnd(10)} ${fixed(before.log_loss).padStart(9)} ${fixed(before.rmse_bins).padStart(11)}`);
  say(`  ${'fitted'.padEnd(10)} ${fixed(after.log_loss).padStart(9)} ${fixed(after.rmse_bins).padStart(11)}`);
  if (better)
    say(
      `The fitted parameters are in use from now on, aiming for ${pct(retention)} recall; every card was rescheduled. \`mlquiz optimize --reset\` goes back to the defaults.`,
    );
  else say(`The fitted parameters predict your answers no better than the defaults; the parameters in use are unchanged.`);
  return 0;
}
