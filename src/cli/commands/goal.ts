import { dayNumber, dayString } from '../../engine/days.js';
import { BadGoal, parseGoalDate } from '../../engine/goal.js';
import { goalStatus } from '../../engine/goal-status.js';
import { UsageError } from '../../errors.js';
import { colours } from '../../format/colour.js';
import type { Goal } from '../../progress/schema.js';
import { progressStore } from '../progress.js';
import { renderGoal } from '../../ui/goal-view.js';
import { loadConfiguredBanks, selectQuestions } from '../banks.js';
import { columns, localDays, writeJson, type Context } from '../context.js';

export const DEFAULT_MINUTES = 30;

interface GoalOptions {
  tag?: string[];
  minutes?: number;
  clear?: boolean;
  json?: boolean;
  bank?: string[];
  dataDir?: string;
  skipInvalid?: boolean;
}

export default async function goal(opts: GoalOptions, args: string[], ctx: Context): Promise<number> {
  const [date] = args;
  const changes = date !== undefined || opts.tag !== undefined || opts.minutes !== undefined;
  if (opts.clear && changes) throw new UsageError('--clear removes the goal: give it without a date, --tag or --minutes.');
  const set = await loadConfiguredBanks(ctx, opts);
  const store = progressStore(ctx, opts.dataDir);
  const now = ctx.now();
  const days = localDays(ctx);
  let progress = store.load();
  const say = (text: string) => ctx.stdout.write(text + '\n');

  if (opts.clear) {
    const had = progress.goal;
    if (had) progress = await store.commit(({ goal: _gone, ...rest }) => rest);
    if (opts.json) writeJson(ctx, { goal: null, cleared: had ?? null });
    else say(had ? `Goal cleared (the interview on ${had.date}). Reviews and sessions are kept.` : 'No goal was set; nothing changed.');
    return 0;
  }
  if (changes) {
    const next = newGoal(progress.goal, date, opts, dayNumber(now.getTime(), days), now);
    // Unknown tags fail here, listing those that exist, before anything is written.
    if (next.tags.length) selectQuestions(set, { tags: next.tags });
    progress = await store.commit((p) => ({ ...p, goal: next }));
  }
  if (!progress.goal) {
    if (opts.json) writeJson(ctx, { goal: null });
    else say(`No goal set. Set the interview day: mlquiz goal ${dayString(dayNumber(now.getTime(), days) + 30)} [--tag T] [--minutes ${DEFAULT_MINUTES}]`);
    return 0;
  }
  const status = goalStatus(set.questions, progress, progress.goal, now, days);
  if (opts.json) writeJson(ctx, status);
  else ctx.stdout.write(renderGoal(status, { width: columns(ctx), chalk: colours(ctx) }));
  return 0;
}

/**
 * The goal after `mlquiz goal [DATE] [--tag] [--minutes]`: a date sets a new plan (its
 * line starts now); --tag or --minutes alone change the current goal, --minutes keeping
 * its start and a new focus starting the line afresh.
 */
function newGoal(current: Goal | undefined, date: string | undefined, opts: GoalOptions, today: number, now: Date): Goal {
  if (date === undefined && !current) throw new UsageError(`no goal yet: give the interview day first, e.g. mlquiz goal ${dayString(today + 30)}`);
  let day: string;
  try {
    day = date === undefined ? current!.date : dayString(parseGoalDate(date, today));
  } catch (e) {
    if (e instanceof BadGoal) throw new UsageError(`the interview day ${e.message}`);
    throw e;
  }
  const tags = opts.tag ? [...new Set(opts.tag.map((t) => t.toLowerCase()))] : (current?.tags ?? []);
  const restart = date !== undefined || opts.tag !== undefined || !current;
  return { date: day, tags, minutes: opts.minutes ?? current?.minutes ?? DEFAULT_MINUTES, set_at: restart ? now.toISOString() : current!.set_at };
}
