import type { Question } from '../bank/types.js';
import { byText } from '../format/compare.js';
import { goalScope } from '../engine/goal.js';
import type { GoalStatus } from '../engine/goal-status.js';
import { MOCK_EVERY_DAYS } from '../engine/mock-advice.js';
import { PRIOR_WEAKNESS, tagStats, untriedTags } from '../engine/pick.js';
import type { TagWeakness } from '../engine/tag-weakness.js';
import { plural } from '../format/plural.js';
import { repeatFlag } from '../format/shell.js';
import type { Progress } from '../progress/schema.js';
import { todayShare } from './labels.js';
import type { Leech, Mocks, Suggestion, Totals } from './types.js';

const DAY_MS = 86_400_000;
/** Enough of the bank seen that a mock round measures something. */
const MOCK_READY_SEEN = 20;
/** Leeches in one suggested command: a session of a few, read closely, not a drill of all. */
export const LEECHES_IN_COMMAND = 3;
/** Untried tags in one suggested command: the picker then opens each of them in one session. */
export const UNTRIED_IN_COMMAND = 3;
/** A short list is read; a long one is skimmed. */
export const MAX_SUGGESTIONS = 4;

export interface UntriedTag {
  tag: string;
  questions: number;
}

export interface PlanTags {
  /** Tags of the scope that no answered question carries, most questions first. */
  untried: UntriedTag[];
  /** The scope's weakest tag over the last 30 days, if it is weak as the picker means it; else null. */
  weak: TagWeakness | null;
}

/**
 * The tags Next points at, over the plan's scope: the goal's (inside the report's --tag
 * filter) while a goal is set and its day has not passed, else the report's questions.
 * Untried is the picker's untriedTags; weak is the picker's tagStats (tag-weakness over
 * the reviews of the last 30 days, every loaded question counting) and its threshold for
 * calling a tag weak (weakness above the prior), so that Next names the tag the picker
 * would and in the same words.
 */
export function planTags(questions: readonly Question[], all: readonly Question[], progress: Progress, goal: GoalStatus | null, now: Date): PlanTags {
  const scope = goal && goal.days_left >= 0 ? goalScope(questions, goal.goal) : questions;
  const count = new Map<string, number>();
  for (const q of scope) for (const t of q.tags) count.set(t, (count.get(t) ?? 0) + 1);
  const untried = [...untriedTags(scope, progress, all)]
    .map((tag) => ({ tag, questions: count.get(tag) ?? 0 }))
    .sort((a, b) => b.questions - a.questions || byText(a.tag, b.tag));
  const stats = tagStats(all, progress, now);
  const weak =
    [...count.keys()]
      .map((t) => stats.get(t))
      .filter((w): w is TagWeakness => w !== undefined && w.weakness > PRIOR_WEAKNESS)
      // The order of weakestTags: the weakest, then the more answered, then by name.
      .sort((a, b) => b.weakness - a.weakness || b.answers - a.answers || byText(a.tag, b.tag))[0] ?? null;
  return { untried, weak };
}

export interface NextInput {
  totals: Totals;
  leeches: readonly Leech[];
  mocks: Mocks;
  filterTags: readonly string[];
  goal: GoalStatus | null;
  plan: PlanTags;
  now: Date;
  /** The report's local day, YYYY-MM-DD. */
  today: string;
}

/**
 * At most four commands, in the order the plan needs them: today's work first (with a
 * goal, today's share, which `mlquiz run` asks, due reviews first; else the reviews due,
 * as forgetting is cheapest to stop now), then a mock round when one is due (by the
 * goal's mock advice, or weekly without a goal), then the tags never tried (a topic
 * never opened is the largest gap in readiness), then the leeches (they cost the most
 * per question), then the weakest tag.
 */
export function suggest(n: NextInput): Suggestion[] {
  const { totals: t, leeches, mocks, filterTags, goal, plan } = n;
  const scope = repeatFlag('--tag', filterTags);
  // While a goal's day has not passed, a bare `mlquiz run` asks today's share of its plan.
  const paced = goal !== null && goal.days_left >= 0;
  const share = paced && goal.plan.today.total > 0 ? { command: 'mlquiz run', reason: `today's share of your plan: ${todayShare(goal.plan.today)}` } : null;
  if (t.reviews === 0 || t.seen === 0) {
    const reason = 'No reviews yet: a first session of 10 questions, new ones mixed across topics.';
    return [share && !scope ? share : { command: `mlquiz run${scope}`, reason }];
  }
  const out: Suggestion[] = [];
  if (share) out.push(share);
  // With a filter the command is a session of one's own, not the plan's, and takes due questions first.
  if (t.due_now > 0 && (!paced || scope)) out.push({ command: `mlquiz run${scope}`, reason: `${plural(t.due_now, 'review')} due now: they come first` });

  if (paced) {
    if (goal.mocks.next === n.today) out.push({ command: 'mlquiz mock', reason: `a mock round is due today by your plan: ${goal.mocks.rule}` });
  } else {
    const last = mocks.rounds.at(-1);
    const stale = !last || n.now.getTime() - Date.parse(last.started_at) > MOCK_EVERY_DAYS * DAY_MS;
    if (t.seen >= MOCK_READY_SEEN && stale)
      out.push({ command: 'mlquiz mock', reason: last ? 'no mock round for a week: time yourself again' : 'time yourself: a first mock round' });
  }

  if (plan.untried.length) {
    const some = plan.untried.slice(0, UNTRIED_IN_COMMAND);
    const names = some.map((u) => u.tag).join(', ');
    const ofGoal = paced ? ' of your goal' : '';
    const which =
      some.length === plan.untried.length
        ? `${plural(plan.untried.length, 'tag')}${ofGoal} never tried: ${names}`
        : `${plan.untried.length} tags${ofGoal} never tried; the ${some.length} largest: ${names}`;
    out.push({
      command: `mlquiz run${repeatFlag(
        '--tag',
        some.map((u) => u.tag),
      )}`,
      reason: `${which}; one session opens each`,
    });
  }

  if (leeches.length) {
    // The command takes the worst few; the reason says how many of how many, so that the
    // count and the ids agree.
    const ids = leeches.slice(0, LEECHES_IN_COMMAND).map((l) => l.id);
    const which =
      leeches.length === 1 ? 'a leech' : ids.length === leeches.length ? `${leeches.length} leeches` : `the ${ids.length} worst of ${leeches.length} leeches`;
    out.push({
      command: `mlquiz run${repeatFlag('--id', ids)}`,
      reason: `${which}: failed again and again; read the answer closely, then retry`,
    });
  }

  if (plan.weak) {
    const w = plan.weak;
    // The picker's own words for a weak tag (pick.ts), then what makes this one the pick.
    out.push({
      command: `mlquiz run${repeatFlag('--tag', [w.tag])}`,
      reason: `weak tag: ${w.tag} (${w.missed} of ${w.answers} missed), the weakest in the last 30 days`,
    });
  }
  return out.slice(0, MAX_SUGGESTIONS);
}
