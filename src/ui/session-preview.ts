import type { ChalkInstance } from 'chalk';
import { daysToGo } from '../engine/goal.js';
import type { SessionPick } from '../engine/pick.js';
import type { SessionPlan } from '../engine/today.js';
import { plural } from '../format/plural.js';
import { fit, shortPrompt } from '../format/text.js';

/** "today 14 of your plan: 9 reviews, 5 new; 18 days to go" */
export function paceLine(paced: NonNullable<SessionPlan['paced']>): string {
  return `today ${paced.reviews + paced.fresh} of your plan: ${plural(paced.reviews, 'review')}, ${paced.fresh} new; ${daysToGo(paced.daysLeft)}`;
}

/** What `mlquiz run --dry-run --json` prints: one entry per question, in the order asked. */
export function previewJson(picks: readonly SessionPick[]) {
  return picks.map((p) => ({ id: p.question.id, tag: p.tag, kind: p.kind, reason: p.reason, retrievability: Math.round(p.retrievability * 1000) / 1000 }));
}

/** The session `mlquiz run` would ask, one line per question with why it is in it. */
export function renderPreview(plan: SessionPlan, o: { seed: string; width: number; chalk: ChalkInstance; reviewsOnly?: boolean }): string {
  const c = o.chalk;
  const lines: string[] = [];
  if (plan.paced) lines.push(c.bold(paceLine(plan.paced)));
  if (plan.picks.length)
    lines.push(
      c.dim(`${plural(plan.picks.length, 'question')} · seed ${o.seed} (mlquiz run --seed ${o.seed} asks these, until the clock or the progress moves)`),
    );
  const idWidth = Math.min(36, Math.max(0, ...plan.picks.map((p) => p.question.id.length)));
  const reasonWidth = Math.min(40, Math.max(0, ...plan.picks.map((p) => p.reason.length)));
  plan.picks.forEach((p, i) => {
    const head = `${String(i + 1).padStart(3)}  ${fit(p.question.id, idWidth).padEnd(idWidth)}  ${fit(p.reason, reasonWidth).padEnd(reasonWidth)}  `;
    lines.push(head + c.dim(shortPrompt(p.question.prompt, o.width - [...head].length)));
  });
  if (!plan.picks.length) lines.push(nothingToAsk(plan, o.reviewsOnly));
  lines.push(c.dim('Nothing was asked or changed (--dry-run).'));
  return lines.join('\n') + '\n';
}

/** When a session would be empty: what else to do. */
export function nothingToAsk(plan: SessionPlan, reviewsOnly = false): string {
  if (reviewsOnly) return 'Nothing to ask: no review is due. New questions come without --reviews-only (or with --new N).';
  return plan.paced
    ? 'Nothing to ask today: no review is due and the plan needs no new question. Take a mock round (mlquiz mock), or practise ahead: mlquiz run -n 10'
    : 'Nothing to ask: no question is due or new with these options.';
}
