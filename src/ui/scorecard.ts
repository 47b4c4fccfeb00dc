import { repeatFlag } from '../format/shell.js';
import chalk from 'chalk';
import { RATING_LABELS, type Rating } from '../engine/rating.js';
import type { Scorecard, ScorecardRow } from '../engine/mock-score.js';
import { visibleWidth as visible } from '../format/ansi.js';
import { bandColour, sparkline } from '../format/chart.js';
import { formatClock } from '../format/time.js';
import type { Io } from './prompts.js';
import { shortPrompt, wrap } from '../format/text.js';

/** The rule printed under the score; the README (Mock interview rounds) says the same in more words. */
export const SCORE_RULE = 'the mean over the questions drawn of: key points covered (open), right 1 / wrong 0 (choice, numeric); not reached 0';

/** Joins parts with " · ", starting a new indented line before a part that would overflow. */
function joinParts(parts: string[], width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line && indent + visible(line) + 3 + visible(part) > width) {
      lines.push(line);
      line = part;
    } else line = line ? `${line} · ${part}` : part;
  }
  return [...lines, line].join('\n' + ' '.repeat(indent));
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

function points(row: ScorecardRow): string {
  const r = row.result!;
  if (r.correct !== undefined) return r.correct ? 'right' : 'wrong';
  return r.total ? `${r.covered} of ${r.total}` : '—';
}

export function renderScorecard(io: Io, card: Scorecard, info: { plan: string; file: string; width: number }): void {
  const w = (t = '') => io.output.write(t.trimEnd() + '\n');
  const promptWidth = Math.max(16, info.width - 48);
  const timedOut = card.reached - card.answered;
  w();
  const about = [
    info.plan,
    `${card.answered} of ${card.rows.length} answered${timedOut ? `, ${timedOut} timed out` : ''}`,
    `${formatClock(card.usedMs)} of ${formatClock(card.roundMs)} answering`,
  ];
  w(chalk.bold('Scorecard') + '  ' + chalk.dim(joinParts(about, info.width, 11)));
  w(chalk.dim(`  ${pad('#', 3)}${pad('question', promptWidth + 2)}${pad('points', 8)}${pad('rating', 7)}${pad('time', 13)}`));
  for (const row of card.rows) {
    const head = `  ${pad(String(row.index), 3)}${pad(shortPrompt(row.prompt, promptWidth), promptWidth + 2)}`;
    const r = row.result;
    if (!r) {
      w(head + chalk.dim('not reached'));
      continue;
    }
    const time = `${formatClock(r.duration_ms)} / ${formatClock(r.budget_ms)}`;
    w(
      head +
        bandColour(r.score)(pad(points(row), 8)) +
        pad(RATING_LABELS[r.rating as Rating], 7) +
        pad(time, 13) +
        (r.timed_out ? chalk.yellow('timed out') : ''),
    );
  }
  w();
  if (card.end === 'round-time') {
    for (const line of wrap(`The round's time ran out after ${card.reached} of ${card.rows.length} questions; the ones not reached count 0.`, info.width))
      w(chalk.yellow(line));
  }
  if (card.score === null) {
    w(`${chalk.bold('Score')}     none: the round was abandoned. Every graded answer is saved and scheduled.`);
  } else {
    w(`${chalk.bold('Score')}     ${chalk.bold(bandColour(card.score / 100)(`${card.score}%`))}`);
    for (const line of wrap(SCORE_RULE, info.width - 10)) w(chalk.dim(`          ${line}`));
  }
  w(`${chalk.bold('Earlier')}   ${joinParts(history(card), info.width, 10)}`);
  if (card.weakest.length) {
    w(
      `${chalk.bold('Weakest')}   ${joinParts(
        card.weakest.map((t) => `${t.tag} ${Math.round(t.score * 100)}%`),
        info.width,
        10,
      )}`,
    );
    w(
      `${chalk.bold('Practise')}  mlquiz run${repeatFlag(
        '--tag',
        card.weakest.map((t) => t.tag),
      )}`,
    );
  }
  w(chalk.dim(`Saved in ${info.file}`));
}

function history(card: Scorecard): string[] {
  const h = card.history;
  if (!h.best || !h.last) return [card.score === null ? 'no finished round yet.' : 'this is your first scored round.'];
  const when = (x: { at: string; plan?: string }) => chalk.dim(`(${x.at.slice(0, 10)}${x.plan ? `, ${x.plan}` : ''})`);
  const parts = [`best ${h.best.score}% ${when(h.best)}`, `last ${h.last.score}% ${when(h.last)}`];
  if (h.recent.length >= 2) {
    // Lifted by one so that a round of 0% still draws a bar.
    const trend = sparkline(h.recent.map((s) => s + 1));
    const delta = h.delta === null ? '' : h.delta === 0 ? ' level with' : h.delta > 0 ? ` ${chalk.green(`+${h.delta}`)} on` : ` ${chalk.red(`${h.delta}`)} on`;
    parts.push(`trend ${trend}${delta ? `${delta} your last round` : ''}`);
  }
  return parts;
}
