import chalk from 'chalk';
import type { Question } from '../bank/types.js';
import { parseNumber, type Answer, type Attempt } from '../engine/answer-check.js';
import { isPlainText, renderPlainText } from '../format/plain-text.js';
import { renderInline } from '../format/math.js';
import { wrapHanging } from '../format/text.js';
import { untimedChoice } from './choice-prompt.js';
import { askAnswer, askNumber, QUIT, type Io, type Quit } from './prompts.js';

export const write = (io: Io, s = '') => io.output.write(s + '\n');

// marked and marked-terminal load only when a text needs them: most prompts are plain, so
// the first question shows without them, and they load while the person answers.
let markdown: Promise<typeof import('../format/markdown.js')> | undefined;
const loadMarkdown = () => (markdown ??= import('../format/markdown.js'));

/** Markdown to terminal text, through marked only when the text has markup. */
async function render(md: string, width: number): Promise<string> {
  return isPlainText(md) ? renderPlainText(md, width) : (await loadMarkdown()).renderMarkdown(md, width);
}

/** Lines already wrapped to fit after the marker: the first gets the marker, the rest hang under the text. */
const hang = (text: string, first: string, rest: string) =>
  text
    .split('\n')
    .map((l, i) => (i === 0 ? first : rest) + l)
    .join('\n');

/** The bank indices in the order shown: the given order, or the bank's own when none is given. */
const shownOrder = (q: Question, order: readonly number[]) => (order.length === q.choices?.length ? order : (q.choices ?? []).map((_, i) => i));

/** The heading and prompt of a question. */
export async function showQuestion(io: Io, q: Question, position: { index: number; total: number; label?: string }, width: number): Promise<void> {
  const meta = [q.tags.join(', '), q.difficulty, position.label].filter(Boolean).join(' · ');
  write(io);
  // The header wraps on spaces too: a long reason must not split a word at the margin.
  write(io, wrapHanging(chalk.bold.cyan(`Question ${position.index} of ${position.total}`) + ' ' + chalk.dim(`· ${meta}`), width, '', '  '));
  write(io, await render(q.prompt, width));
  if (q.type === 'choice' && (q.correct?.length ?? 0) > 1) write(io, chalk.dim('(more than one choice is right)'));
  write(io);
}

/** Asks for an answer in the way the question's type needs; `QUIT` if the person leaves. */
export async function attempt(io: Io, q: Question, order: readonly number[] = []): Promise<Answer | Quit> {
  // Once the prompt is up, load the renderer the reveal may need while the person thinks.
  setTimeout(() => void loadMarkdown(), 100).unref();
  if (q.type === 'choice') {
    const shown = shownOrder(q, order);
    const got = await untimedChoice(
      io,
      shown.map((i) => q.choices![i]!),
      (q.correct?.length ?? 0) > 1,
    );
    if (got === 'quit') return QUIT;
    return { picked: got.map((d) => shown[d]!) };
  }
  if (q.type === 'numeric') {
    const n = await askNumber(io, q.unit, (s) => parseNumber(s, q.unit));
    if (n === QUIT) return QUIT;
    return n === null ? { unknown: true } : { number: n };
  }
  const text = await askAnswer(io);
  return text === QUIT ? QUIT : { text };
}

/** The model answer, the verdict for auto-graded questions, and the follow-ups. */
export async function reveal(io: Io, q: Question, a: Attempt, width: number, order: readonly number[] = []): Promise<void> {
  if (a.correct !== undefined) {
    const shown = shownOrder(q, order);
    const right =
      q.type === 'choice'
        ? shown
            .map((bank, d) => [bank, d] as const)
            .filter(([bank]) => q.correct!.includes(bank))
            .map(([bank, d]) => `${String.fromCharCode(97 + d)}) ${renderInline(q.choices![bank]!)}`)
            .join('; ')
        : `${q.value}${q.unit ? ` ${q.unit}` : ''}${q.tolerance ? ` (± ${q.tolerance})` : ''}`;
    const verdict = a.correct
      ? chalk.green.bold('✔ Right.')
      : a.unknown
        ? chalk.yellow.bold(`Not answered. The answer: ${right}`)
        : chalk.red.bold(`✘ Not quite. The answer: ${right}`);
    write(io, verdict);
  }
  write(io, chalk.bold('\nModel answer'));
  write(io, await render(q.answer, width));
  if (q.follow_ups.length) {
    write(io, chalk.bold('\nAn interviewer might ask next'));
    for (const f of q.follow_ups) write(io, hang(await render(f, width - 4), '  • ', '    '));
  }
  write(io);
}

/** The key points of an auto-graded question, after its verdict. */
export function showKeyPoints(io: Io, q: Question, width: number): void {
  write(io, chalk.bold('Key points'));
  for (const k of q.key_points) write(io, wrapHanging(renderInline(k), width, '  • ', '    '));
}
