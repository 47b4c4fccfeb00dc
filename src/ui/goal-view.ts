import type { ChalkInstance } from 'chalk';
import { dayString, parseDay, weekday } from '../engine/days.js';
import { daysToGo } from '../engine/goal.js';
import type { GoalStatus } from '../engine/goal-status.js';
import { bar } from '../format/chart.js';
import { plural } from '../format/plural.js';
import { fit } from '../format/text.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** `mlquiz goal`: the day, readiness, today's share, the pace and the mock rounds. */
export function renderGoal(s: GoalStatus, o: { width: number; chalk: ChalkInstance }): string {
  const c = o.chalk;
  const out: string[] = [];
  const w = (line = '') => out.push(line);
  const cmd = (text: string, command: string) => `${text}  ${c.cyan(command)}`;
  const g = s.goal;
  const today = dayString(parseDay(g.date) - s.days_left);
  w(`${c.bold(`Interview on ${WEEKDAYS[weekday(parseDay(g.date))]} ${g.date}`)} · ${daysToGo(s.days_left)}`);
  const focus = g.tags.length ? g.tags.join(', ') : 'every tag';
  w(c.dim(`Scope: ${focus} (${plural(s.scope.questions, 'question')} in ${plural(s.scope.tags, 'tag')}) · ${g.minutes} min a day`));
  if (!s.scope.questions) {
    w(c.yellow('No loaded question has these tags: set the goal again with tags that exist (mlquiz tags lists them).'));
    return out.join('\n') + '\n';
  }
  w();
  const verdict = s.status === 'on track' ? c.green('on track') : s.status === 'behind' ? c.yellow('behind') : c.dim('the day has passed');
  w(`Readiness on the day: ${c.bold(pct(s.readiness.overall))} ${bar(s.readiness.overall, 20, c)}  ${verdict}`);
  w(c.dim('  the predicted recall of every question in scope on the morning of the day, if you stopped practising now'));
  for (const why of s.behind) w(c.yellow(`  behind: ${why}`));
  const p = s.plan;
  w(`  introduced ${p.introduced} of ${s.scope.questions} (the plan expects ${p.expected_introduced} by today)`);
  if (s.status === 'over') {
    w();
    w(cmd('Set the next interview day, or remove this one:', 'mlquiz goal --clear'));
    return out.join('\n') + '\n';
  }
  w(c.dim(`  plan: every question introduced by ${p.intro_deadline}, then review and mock rounds until the day`));
  w();
  if (p.today.total)
    w(cmd(`Today: ${plural(p.today.total, 'question')}, about ${p.today.minutes} min: ${plural(p.today.reviews, 'review')}, ${p.today.new} new`, 'mlquiz run'));
  else w('Today: nothing due and nothing new needed.');
  if (p.remaining)
    w(c.dim(`  then about ${p.new_per_day} new a day until ${p.intro_deadline} (${p.remaining} to go), at about ${p.seconds_per_question} s a question`));
  w();
  w(`Mock rounds: ${s.mocks.rule}`);
  if (s.mocks.next) w(cmd(`  next: ${s.mocks.next === today ? 'today' : s.mocks.next}`, 'mlquiz mock'));
  if (s.mocks.rounds.length)
    w(
      c.dim(`  taken: ${s.mocks.rounds.map((r) => `${r.date} (${r.days_left} days left) ${r.score === null ? 'unscored' : Math.round(r.score)}`).join(' · ')}`),
    );
  w();
  w(c.bold('Readiness by tag') + c.dim(' (lowest first)'));
  const tagWidth = Math.min(28, Math.max(...s.readiness.tags.map((t) => t.tag.length)));
  for (const t of s.readiness.tags)
    w(
      `  ${fit(t.tag, tagWidth).padEnd(tagWidth)}  ${bar(t.readiness, 12, c)} ${pct(t.readiness).padStart(4)}  ${c.dim(`${t.introduced} of ${t.questions} introduced`)}`,
    );
  return out.join('\n') + '\n';
}
