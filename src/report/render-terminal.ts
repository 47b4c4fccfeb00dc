import type { ChalkInstance } from 'chalk';
import { bar } from '../format/chart.js';
import { fit, shortPrompt, wrap } from '../format/text.js';
import { parseDay, weekday } from '../engine/days.js';
import type { GoalStatus } from '../engine/goal-status.js';
import type { Activity, Mocks, ReportData } from './types.js';
import { plural } from '../format/plural.js';
import {
  daysBefore,
  dueNowNote,
  EMPTY_SCOPE,
  forecastLabel,
  forecastNote,
  GOAL_OVER,
  goalHeadline,
  goalScopeNote,
  goalVerdict,
  introducedNote,
  madeAt,
  mockScore,
  MONTHS,
  NO_GOAL,
  nextMock,
  READINESS_NOTE,
  todayBarNote,
  todayNote,
  WEEKDAYS,
} from './labels.js';
import { percent } from './recall.js';
import { calibrationLines } from './render-calibration.js';

export interface TerminalOptions {
  /** Columns to fit; 60 stays readable. */
  width: number;
  /** Colour is decided by the command (NO_COLOR, FORCE_COLOR, a terminal or not); level 0 is plain text. */
  chalk: ChalkInstance;
}

const WEAKEST_SHOWN = 5;
/** The goal's lowest tags and latest mock rounds: enough to act on; `mlquiz goal` and the page list them all. */
export const GOAL_TAGS_SHOWN = 5;
export const GOAL_ROUNDS_SHOWN = 6;
const LEECHES_SHOWN = 8;
/** Heatmap cells by level; shades keep the levels apart even without colour. */
const CELLS = ['·', '░', '▒', '▓', '█'];

export function renderTerminal(d: ReportData, o: TerminalOptions): string {
  const c = o.chalk;
  const width = Math.max(40, o.width);
  const out: string[] = [];
  const scope = d.filter.tags.length ? ` · tags ${d.filter.tags.join(', ')}` : '';
  out.push(c.bold(`mlquiz report · ${madeAt(d)}`) + c.dim(scope), '');

  out.push(...goalLines(d, width, c), '');

  const t = d.totals;
  if (t.reviews === 0) {
    out.push(
      `Welcome! No answers graded yet, so there is nothing to measure.`,
      `${t.questions} questions in ${d.tags.length} tags are waiting. A first session takes about`,
      `ten questions; come back here after a few days to see where you stand.`,
      '',
    );
    out.push(...section(c, 'Start here'), ...nextLines(d, width, c), '');
    return out.join('\n');
  }

  out.push(...section(c, 'Totals'));
  const line = (label: string, value: string, note = '') => withNote(`  ${label.padEnd(12)}${value}`, note, width, c);
  out.push(...line('seen', `${t.seen} of ${t.questions} questions (${percent(t.questions ? t.seen / t.questions : 0)})`));
  out.push(...line('reviews', `${t.reviews} on ${plural(t.days_practised, 'day')}`, `${t.window.reviews} since ${t.window.from}`));
  const streak = t.streak.current ? plural(t.streak.current, 'day') : 'none';
  const keep = t.streak.current && !t.streak.practised_today ? 'practise today to keep it; ' : '';
  out.push(...line('streak', streak, `${keep}longest ${plural(t.streak.longest, 'day')}`));
  const r = t.retention;
  if (r.rate === null) out.push(...line('retention', '–', `no repeat reviews since ${r.from}`));
  else out.push(...line('retention', percent(r.rate), `Good/Easy, ${plural(r.reviews, 'repeat')} since ${r.from}`));
  out.push(...line('due now', String(t.due_now), dueNowNote(t)), '');

  out.push(...section(c, 'Mastery by tag'), ...tagLines(d, width, c), '');
  out.push(...section(c, 'Weakest questions'), ...weakLines(d, width, c), '');
  if (d.leeches.length) out.push(...section(c, 'Leeches', '(≥ 4 lapses, or Again in 3 of the last 5)'), ...leechLines(d, width, c), '');
  out.push(...section(c, 'Activity', `${d.activity.from} to ${d.activity.to}`), ...heatmap(d.activity, width, c), '');
  out.push(...section(c, 'Due in the next 14 days'), ...forecastLines(d, width, c), '');
  out.push(...section(c, 'Mock rounds'), ...mockLines(d.mocks, width, c), '');
  out.push(...section(c, 'Calibration', '(is the scheduler right about you?)'), ...calibrationLines(d.calibration, d.scheduler, width, c), '');
  out.push(...section(c, 'Next'), ...nextLines(d, width, c), '');
  return out.join('\n');
}

/** The interview goal first: it decides what the rest of the report is read for. Without one, a line on how to set it. */
function goalLines(d: ReportData, width: number, c: ChalkInstance): string[] {
  const g = d.goal;
  if (!g) return wrap(NO_GOAL, width).map((l) => c.dim(l));
  const out = [...section(c, goalHeadline(g))];
  const line = (label: string, value: string, note = '') => withNote(`  ${label.padEnd(12)}${value}`, note, width, c);
  out.push(...hanging('scope', goalScopeNote(g), width));
  if (!g.scope.questions) return [...out, ...wrap(EMPTY_SCOPE, width - 2).map((l) => c.yellow(`  ${l}`))];
  const verdict = g.status === 'on track' ? c.green : g.status === 'behind' ? c.yellow : c.dim;
  out.push(`  ${'readiness'.padEnd(12)}${c.bold(percent(g.readiness.overall))} ${bar(g.readiness.overall, 20, c)}  ${verdict(goalVerdict(g))}`);
  out.push(...wrap(READINESS_NOTE, width - 14).map((l) => c.dim(' '.repeat(14) + l)));
  for (const why of g.behind) out.push(...wrap(`behind: ${why}`, width - 4).map((l) => c.yellow(`  ${l}`)));
  out.push(`  ${introducedNote(g)}`);
  if (g.status === 'over') return [...out, ...wrap(GOAL_OVER, width - 2).map((l) => `  ${l}`)];
  out.push(...line('today', todayNote(g), g.plan.today.total ? 'mlquiz run' : ''));

  const shown = g.readiness.tags.slice(0, GOAL_TAGS_SHOWN);
  out.push(`  ${'by tag'.padEnd(12)}${c.dim('readiness on the day, lowest first')}`);
  const nameW = Math.min(22, Math.max(...shown.map((x) => x.tag.length)));
  for (const x of shown)
    out.push(
      `    ${fit(x.tag, nameW).padEnd(nameW)}  ${bar(x.readiness, 12, c)} ${percent(x.readiness).padStart(4)}  ${c.dim(`${x.introduced} of ${x.questions} introduced`)}`,
    );
  const more = g.readiness.tags.length - shown.length;
  if (more > 0) out.push(c.dim(`    … and ${more} more (mlquiz goal lists them all)`));

  out.push(...hanging('mock rounds', g.mocks.rule, width));
  out.push(...goalRoundLines(g, c));
  const next = nextMock(g, d.today);
  if (next) out.push(`    next: ${next}  ${c.cyan('mlquiz mock')}`);
  return out;
}

/** A label and a text wrapped under its value's column (14), not under the label. */
function hanging(label: string, text: string, width: number): string[] {
  return wrap(text, width - 14).map((l, i) => (i === 0 ? `  ${label.padEnd(12)}` : ' '.repeat(14)) + l);
}

/** Each round since the goal was set, with its score and how many days before the interview it was taken. */
function goalRoundLines(g: GoalStatus, c: ChalkInstance): string[] {
  const rounds = g.mocks.rounds;
  if (!rounds.length) return [c.dim('    none taken since the goal was set')];
  const shown = rounds.slice(-GOAL_ROUNDS_SHOWN);
  const scoreW = Math.max(...shown.map((r) => mockScore(r.score).length));
  const out = shown.map((r) => `    ${r.date}  ${mockScore(r.score).padStart(scoreW)}  ${c.dim(daysBefore(r.days_left))}`);
  if (rounds.length > shown.length) out.unshift(c.dim(`    … ${rounds.length - shown.length} earlier (the HTML page lists them all)`));
  return out;
}

function section(c: ChalkInstance, title: string, note = ''): string[] {
  return [c.bold.underline(title) + (note ? c.dim(` ${note}`) : '')];
}

/** A value with a dim note after it, or under it when the line would not fit. */
function withNote(main: string, note: string, width: number, c: ChalkInstance): string[] {
  if (!note) return [main];
  if ([...main].length + 3 + [...note].length <= width) return [main + c.dim(` · ${note}`)];
  return [main, ...wrap(note, width - 14).map((l) => c.dim(' '.repeat(14) + l))];
}

function tagLines(d: ReportData, width: number, c: ChalkInstance): string[] {
  const nameW = Math.min(22, Math.max(3, ...d.tags.map((t) => t.tag.length)));
  const barW = Math.max(6, Math.min(30, width - nameW - 24));
  const head = `  ${'tag'.padEnd(nameW)} ${'qs'.padStart(4)} ${'seen'.padStart(4)} ${'due'.padStart(4)}  ${'mastery'}`;
  const rows = d.tags.map((t) => {
    const m = percent(t.mastery).padStart(4);
    return `  ${fit(t.tag, nameW).padEnd(nameW)} ${String(t.questions).padStart(4)} ${String(t.seen).padStart(4)} ${String(t.due).padStart(4)}  ${bar(t.mastery, barW, c)} ${m}`;
  });
  return [c.dim(head), ...rows, ...wrap('due: how many are due now · mastery: mean recall now, unseen counting as 0', width - 2).map((l) => c.dim(`  ${l}`))];
}

function weakLines(d: ReportData, width: number, c: ChalkInstance): string[] {
  if (!d.weakest.length) return [c.dim('  none yet')];
  const out: string[] = [];
  for (const w of d.weakest.slice(0, WEAKEST_SHOWN)) {
    const reasons = w.reasons.join(' · ');
    const one = `  ${w.id}  ${reasons}`;
    if ([...one].length <= width) out.push(`  ${c.bold(w.id)}  ${c.yellow(reasons)}`);
    else out.push(`  ${c.bold(w.id)}`, ...wrap(reasons, width - 4).map((l) => `    ${c.yellow(l)}`));
    out.push(c.dim(`    ${shortPrompt(w.prompt, width - 4)}`));
  }
  out.push(c.dim(`  practise them: mlquiz run --id <id> (repeatable)`));
  return out;
}

function leechLines(d: ReportData, width: number, c: ChalkInstance): string[] {
  const out: string[] = [];
  for (const l of d.leeches.slice(0, LEECHES_SHOWN)) {
    if ([...`  ${l.id}  ${l.reason}`].length <= width) out.push(`  ${c.bold(l.id)}  ${c.red(l.reason)}`);
    else out.push(`  ${c.bold(l.id)}`, ...wrap(l.reason, width - 4).map((x) => `    ${c.red(x)}`));
    out.push(c.dim(`    ${shortPrompt(l.prompt, width - 4)}`));
  }
  if (d.leeches.length > LEECHES_SHOWN) out.push(c.dim(`  … and ${d.leeches.length - LEECHES_SHOWN} more (mlquiz report --json lists them all)`));
  return out;
}

/** Seven rows, Monday first, one two-cell column per week; the oldest weeks go first when narrow. */
export function heatmap(a: Activity, width: number, c: ChalkInstance): string[] {
  const from = parseDay(a.from);
  const to = parseDay(a.to);
  const firstMonday = from - weekday(from);
  const allWeeks = Math.floor((to - firstMonday) / 7) + 1;
  const weeks = Math.min(allWeeks, Math.floor((width - 6) / 2));
  const start = firstMonday + (allWeeks - weeks) * 7;
  const level = new Map(a.days.map((x) => [parseDay(x.date), x.level]));
  const shade = [c.dim, c.green, c.green, c.greenBright, c.greenBright];

  // A month's name above the first week that starts in it; the first column gets the
  // name of its own month only if that does not run into the next name.
  const starts: { col: number; month: number }[] = [];
  for (let w = 0; w < weeks; w++) {
    const month = new Date((start + w * 7) * 86_400_000).getUTCMonth();
    if (w === 0 || new Date((start + (w - 1) * 7) * 86_400_000).getUTCMonth() !== month) starts.push({ col: 4 + w * 2, month });
  }
  let months = '';
  for (const [i, s] of starts.entries()) {
    const next = starts[i + 1];
    if (months.length > 0 && months.length >= s.col) continue;
    if (i === 0 && next && next.col - s.col < 4) continue;
    months = months.padEnd(s.col) + MONTHS[s.month];
  }
  const rows = [c.dim(months)];
  for (let wd = 0; wd < 7; wd++) {
    let row = wd % 2 === 0 ? c.dim(WEEKDAYS[wd]!) + ' ' : '    ';
    for (let w = 0; w < weeks; w++) {
      const day = start + w * 7 + wd;
      const lv = day < from || day > to ? undefined : (level.get(day) ?? 0);
      row += (lv === undefined ? ' ' : shade[lv]!(CELLS[lv]!)) + ' ';
    }
    rows.push(row.trimEnd());
  }
  const hidden = allWeeks - weeks;
  rows.push(c.dim(`    less ${CELLS.join(' ')} more · busiest day ${a.max}${hidden ? ` · ${hidden} older weeks not shown` : ''}`));
  return rows;
}

function forecastLines(d: ReportData, width: number, c: ChalkInstance): string[] {
  const f = d.due;
  const max = Math.max(1, ...f.days.map((x) => x.reviews));
  const note = todayBarNote(d.totals);
  const extraW = note ? note.length + 3 : 0;
  const countW = Math.max(...f.days.map((x) => String(x.reviews).length));
  // Room for the label, the count and today's note on the widest line.
  const barW = Math.max(6, Math.min(40, width - 11 - countW - extraW));
  const bars = f.days.map((x, i) => {
    const [l1, l2] = forecastLabel(x.date, i);
    const label = l2 ? `${l1} ${l2}` : l1;
    const cells = x.reviews ? Math.max(1, Math.round((x.reviews / max) * barW)) : 0;
    const extra = i === 0 && note ? c.dim(` (${note})`) : '';
    return `  ${label.padEnd(7)} ${c.cyan('█'.repeat(cells))}${cells ? ' ' : ''}${x.reviews ? x.reviews : c.dim('0')}${extra}`;
  });
  return [...bars, ...wrap(forecastNote(d.totals), width - 2).map((l) => c.dim(`  ${l}`))];
}

/** Scores on a fixed 0-100 scale, so that a flat line of 90s reads as high, not as middling. */
export function scoreSparkline(scores: number[]): string {
  const ticks = '▁▂▃▄▅▆▇█';
  return scores.map((s) => ticks[Math.min(7, Math.floor((s / 100) * 8))]).join('');
}

function mockLines(m: Mocks, width: number, c: ChalkInstance): string[] {
  if (!m.rounds.length) return [c.dim('  none yet: mlquiz mock runs a timed round and scores it')];
  const scored = m.rounds.filter((r) => r.score !== null);
  const out: string[] = [];
  if (scored.length) {
    const spark = scoreSparkline(scored.slice(-(width - 12)).map((r) => r.score!));
    out.push(`  scores  ${c.cyan(spark)}`);
    const change = m.change === null ? '' : c.dim(` (${m.change >= 0 ? '+' : ''}${m.change} on the previous)`);
    out.push(`  best    ${m.best!.score} on ${m.best!.date}`, `  latest  ${m.latest!.score} on ${m.latest!.date}${change}`);
  }
  const unfinished = m.rounds.length - scored.length;
  out.push(c.dim(`  ${plural(m.rounds.length, 'round')}${unfinished ? `, ${unfinished} not finished` : ''}`));
  return out;
}

function nextLines(d: ReportData, width: number, c: ChalkInstance): string[] {
  return d.next.flatMap((s) => [
    ...shellLines(s.command, width - 2).map((l) => `  ${c.bold.cyan(l)}`),
    ...wrap(s.reason, width - 4).map((l) => c.dim(`    ${l}`)),
  ]);
}

/** A long command split before its options with shell continuations, so it still pastes whole. */
export function shellLines(command: string, width: number): string[] {
  if ([...command].length <= width) return [command];
  const parts = command.split(/ (?=--)/);
  const lines: string[] = [];
  let cur = '';
  for (const p of parts) {
    if (cur && [...cur].length + 1 + [...p].length + 2 > width) {
      lines.push(`${cur} \\`);
      cur = `  ${p}`;
    } else cur = cur ? `${cur} ${p}` : p;
  }
  lines.push(cur);
  return lines;
}
