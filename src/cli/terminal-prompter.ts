import chalk from 'chalk';
import { wrap } from '../format/text.js';
import type { Question } from '../bank/types.js';
import { parseNumber, type Answer } from '../engine/answer-check.js';
import type { Draw } from '../engine/mock-draw.js';
import type { Plan } from '../engine/plan.js';
import { plural } from '../format/plural.js';
import type { MockPrompter } from '../session/mock-round.js';
import type { Prompter } from '../session/prompter.js';
import { timedNumber, timedText, type Timed } from '../ui/countdown.js';
import { timedChoice } from '../ui/choice-prompt.js';
import { askKeyPoints, askRating, askRetry, type Io } from '../ui/prompts.js';
import { attempt, reveal, showKeyPoints, showQuestion, write } from '../ui/question.js';
import { renderScorecard } from '../ui/scorecard.js';
import { formatDuration, formatMinutes } from '../format/time.js';
import { renderSummary } from '../ui/session-summary-view.js';

/** Each line of a notice wrapped on spaces; blank lines kept (a notice may start with one). */
const wrapLines = (text: string, width: number) => text.split('\n').flatMap((l) => (l.trim() ? wrap(l, width) : ['']));
/** A notice in a style, wrapped on spaces to the terminal. */
const say = (io: Io, text: string, width: number, style: (s: string) => string) => wrapLines(text, width).forEach((l) => write(io, style(l)));

/** The session's prompter on a real terminal: the prompts and views of `ui/`. */
export function terminalPrompter(io: Io, width: number): Prompter {
  return {
    info: (text) => say(io, text, width, chalk.dim),
    warn: (text) => say(io, text, width, chalk.yellow),
    showQuestion: (q, position) => showQuestion(io, q, position, width),
    attempt: (q, order) => attempt(io, q, order),
    reveal: (q, a, order) => reveal(io, q, a, width, order),
    tickKeyPoints: (q) => askKeyPoints(io, q.key_points),
    showKeyPoints: (q) => showKeyPoints(io, q, width),
    rate: (ask) => askRating(io, ask),
    retrySave: () => askRetry(io),
    summary: (s, file) => renderSummary(io, s, file, width),
  };
}

/** The mock round's prompter on a real terminal: countdown prompts, the intro and the scorecard. */
export function terminalMockPrompter(io: Io, width: number): MockPrompter {
  return {
    ...terminalPrompter(io, width),
    intro: ({ plan, draw, roundMs, seed }) => intro(io, plan, draw, roundMs, seed, width),
    timedAttempt: (q, clock, order) => timedAttempt(io, q, clock, order),
    timeUp: (budgetMs) => write(io, chalk.bold.yellow(`Time's up: the ${formatDuration(budgetMs)} for this question are over. Here is the answer.`)),
    roundTimeUp: () => write(io, chalk.bold.yellow("\nThe round's time is up.")),
    scorecard: (card, info) => {
      write(io, '');
      renderScorecard(io, card, { ...info, width });
    },
  };
}

function intro(io: Io, plan: Plan, drawn: Draw, roundMs: number, seed: string, width: number): void {
  const n = drawn.items.length;
  const title = `Mock round: ${plural(n, 'question')} in ${formatMinutes(roundMs)}`;
  // The title stays bold; the plan and seed follow it on the same line when they fit.
  const [first, ...rest] = wrap(`${title} · plan ${plan.name} · seed ${seed}`, width);
  write(io, chalk.bold(first!.slice(0, title.length)) + chalk.dim(first!.slice(title.length)));
  for (const line of rest) write(io, chalk.dim(line));
  for (const s of drawn.short)
    say(
      io,
      `Only ${s.missing === 1 ? 'one question' : `${s.missing} questions`} short for "${s.part}": not enough distinct questions match it.`,
      width,
      chalk.yellow,
    );
  say(io, 'Answer as in an interview: the model answer stays hidden until you submit or time runs out.', width, chalk.dim);
  say(io, "The round's clock runs while a question is open. Ctrl+C abandons the round; graded answers are kept.", width, chalk.dim);
}

/** The answer against the clock, unchecked; `answer` null when nothing was submitted in time. */
async function timedAttempt(
  io: Io,
  q: Question,
  clock: Parameters<typeof timedText>[1]['clock'],
  order: readonly number[],
): Promise<{ answer: Answer | null; timedOut: boolean }> {
  const unanswered = <T>(r: Timed<T>): r is Extract<Timed<T>, { timedOut: true }> => r.timedOut;
  if (q.type === 'choice') {
    // Shown in the shuffled order; what was picked goes back to the bank's indices.
    const r = await timedChoice(io, { clock, choices: order.map((i) => q.choices![i]!), multiple: (q.correct?.length ?? 0) > 1 });
    if (unanswered(r)) return { answer: null, timedOut: true };
    return { answer: { picked: r.value.map((d) => order[d]!) }, timedOut: false };
  }
  if (q.type === 'numeric') {
    const r = await timedNumber(io, { clock, ...(q.unit !== undefined && { unit: q.unit }), parse: (s) => parseNumber(s, q.unit) });
    if (unanswered(r)) return { answer: null, timedOut: true };
    return { answer: r.value === null ? { unknown: true } : { number: r.value }, timedOut: false };
  }
  const r = await timedText(io, { clock });
  if (unanswered(r)) return { answer: r.partial.trim() ? { text: `${r.partial.trim()} (cut off)` } : null, timedOut: true };
  return { answer: { text: r.value }, timedOut: false };
}
