import type { ChalkInstance } from 'chalk';
import type { Calibration } from '../engine/calibration.js';
import { bar } from '../format/chart.js';
import { plural } from '../format/plural.js';
import { wrap } from '../format/text.js';
import { percent } from './recall.js';
import type { SchedulerInUse } from './types.js';

/** Fewer reviews of seen cards than this, and the bins say more about chance than about the scheduler. */
export const CALIBRATION_MIN = 50;

/** One sentence under the title, the same in terminal and HTML. */
export function calibrationNote(k: Calibration): string {
  if (k.reviews < CALIBRATION_MIN)
    return `${plural(k.reviews, 'review')} of questions seen before so far; calibration needs about ${CALIBRATION_MIN} to say anything.`;
  const r = k.recent;
  const recent =
    r.retention === null
      ? `no such review in the last ${r.days} days`
      : `in the last ${r.days} days you recalled ${percent(r.retention)} of ${plural(r.reviews, 'review')}, against the ${percent(r.desired)} the scheduler aims for`;
  return `How often you recalled a question against how likely the scheduler said you were to (FSRS, where only Again is forgotten), over ${plural(k.reviews, 'review')}; ${recent}. RMSE(bins) ${k.rmse_bins!.toFixed(3)}, log loss ${k.log_loss!.toFixed(3)}.`;
}

/** Which parameters the scheduler runs on, one line in terminal and HTML. */
export function schedulerNote(s: SchedulerInUse): string {
  const params =
    s.parameters === 'fitted'
      ? `parameters fitted to your history on ${s.fitted_at!.slice(0, 10)} (${plural(s.fitted_reviews ?? 0, 'review')})`
      : 'FSRS-6 default parameters (`mlquiz optimize` fits them to you)';
  return `Scheduler: ${params}, aiming for ${percent(s.retention)} recall; days start at ${s.day_start}:00.`;
}

const range = (b: Calibration['bins'][number]) => `${Math.round(b.from * 100)}–${Math.round(b.to * 100)}%`;

export function calibrationLines(k: Calibration, s: SchedulerInUse, width: number, c: ChalkInstance): string[] {
  const out = [...wrap(schedulerNote(s), width), ...wrap(calibrationNote(k), width).map((l) => c.dim(l))];
  if (k.reviews < CALIBRATION_MIN) return out;
  const barWidth = Math.max(6, Math.min(20, width - 44));
  out.push(c.dim(`  ${'predicted'.padEnd(10)} ${'reviews'.padStart(7)}  recalled`));
  for (const b of k.bins) {
    const gap = Math.abs(b.actual - b.predicted) > 0.1 ? c.yellow(' ≠') : '';
    out.push(`  ${range(b).padEnd(10)} ${String(b.reviews).padStart(7)}  ${bar(b.actual, barWidth, c)} ${percent(b.actual).padStart(4)}${gap}`);
  }
  return out;
}

export function calibrationHtml(k: Calibration, s: SchedulerInUse, esc: (s: string) => string): string {
  const head = `<section id="calibration"><h2>Calibration</h2><p id="scheduler">${esc(schedulerNote(s))}</p><p class="dim">${esc(calibrationNote(k))}</p>`;
  if (k.reviews < CALIBRATION_MIN) return `${head}</section>`;
  const rows = k.bins
    .map(
      (b) =>
        `<tr><td>${esc(range(b))}</td><td class="n">${b.reviews}</td><td class="n">${esc(percent(b.predicted))}</td><td class="n">${esc(percent(b.actual))}</td></tr>`,
    )
    .join('');
  return `${head}<table><thead><tr><th>predicted</th><th class="n">reviews</th><th class="n">mean predicted</th><th class="n">recalled</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
