import input from '@inquirer/input';
import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState } from '@inquirer/core';
import chalk from 'chalk';
import { isDontKnow } from '../engine/answer-check.js';
import { Interrupted } from '../errors.js';
import { RATING_LABELS, type Rating } from '../engine/rating.js';
import { renderInline } from '../format/math.js';
import { wrap } from '../format/text.js';

/** Where prompts read and write; the entry point passes process streams, tests their own. */
export interface Io {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export const QUIT = Symbol('quit');
export type Quit = typeof QUIT;

/** Every prompt goes through here so that Ctrl+C always means exit 130 with progress kept. */
export async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new Interrupted();
    throw e;
  }
}

/** The terminal's width, capped like the rest of the output. */
export const columnsOf = (io: Io) => Math.min(100, (io.output as { columns?: number }).columns ?? 80);

const ctx = (io: Io) => ({ input: io.input, output: io.output, clearPromptOnDone: false });

/** A free-text answer; Enter alone reveals, `q` quits. */
export async function askAnswer(io: Io): Promise<string | Quit> {
  const text = await guard(input({ message: 'Your answer (Enter to reveal, q to quit):', theme: { prefix: chalk.cyan('?') } }, ctx(io)));
  return text.trim().toLowerCase() === 'q' ? QUIT : text.trim();
}

// checkbox and select are needed only after an answer: the first question shows without them.
export async function askKeyPoints(io: Io, points: string[]): Promise<number[]> {
  const { default: checkbox } = await import('@inquirer/checkbox');
  return guard(
    checkbox(
      {
        message: 'Which key points did your answer cover? (space to tick, a for all, Enter when done)',
        // Wrapped here on spaces with the text hanging under itself; inquirer would break lines at the margin.
        choices: points.map((p, i) => ({ name: wrap(renderInline(p), columnsOf(io) - 4).join('\n   '), value: i })),
        pageSize: Math.max(7, points.length),
        instructions: false,
      },
      ctx(io),
    ),
  );
}

/** A number; `null` when the person does not know (Enter alone or `?`), `QUIT` for q. */
export async function askNumber(io: Io, unit: string | undefined, parse: (s: string) => number | undefined): Promise<number | null | Quit> {
  const text = await guard(
    input(
      {
        message: `Your answer${unit ? ` (in ${unit})` : ''} (Enter or ? if you don't know, q to quit):`,
        validate: (s) => s.trim().toLowerCase() === 'q' || isDontKnow(s) || parse(s) !== undefined || 'Type a number, e.g. 0.25, 1/4, 25% or 3e-2',
      },
      ctx(io),
    ),
  );
  if (text.trim().toLowerCase() === 'q') return QUIT;
  return isDontKnow(text) ? null : parse(text)!;
}

interface RatingConfig {
  message: string;
  suggested: Rating;
  allowed: Rating[];
}

/** One key press: 1-4 picks a rating, Enter takes the suggestion, q quits after this question. */
const ratingPrompt = createPrompt<Rating | Quit, RatingConfig>((config, done) => {
  const theme = makeTheme({});
  const prefix = usePrefix({ status: 'idle', theme });
  const [picked, setPicked] = useState<Rating | Quit | undefined>(undefined);
  const [hint, setHint] = useState('');
  useKeypress((key, rl) => {
    if (picked !== undefined) return;
    rl.clearLine(0);
    const finish = (v: Rating | Quit) => {
      setPicked(v);
      done(v);
    };
    if (isEnterKey(key)) return finish(config.suggested);
    if (key.name === 'q') return finish(QUIT);
    const n = Number(key.name) as Rating;
    if ([1, 2, 3, 4].includes(n)) {
      if (config.allowed.includes(n)) return finish(n);
      setHint(`${RATING_LABELS[n]} is not open to a partly right answer: pick ${config.allowed.map((r) => `${r} ${RATING_LABELS[r]}`).join(' or ')}.`);
    }
  });
  if (picked !== undefined) {
    return `${prefix} ${config.message} ${picked === QUIT ? chalk.dim('quit') : chalk.cyan(`${picked} ${RATING_LABELS[picked]}`)}`;
  }
  const options = ([1, 2, 3, 4] as Rating[])
    .map((r) => {
      const label = `${r} ${RATING_LABELS[r]}`;
      if (!config.allowed.includes(r)) return chalk.dim.strikethrough(label);
      return r === config.suggested ? chalk.bold.cyan(`[${label}]`) : label;
    })
    .join('  ');
  const help = chalk.dim(`Enter = ${RATING_LABELS[config.suggested]} (suggested), q = quit without rating this one`);
  return `${prefix} ${config.message} ${options}\n  ${help}${hint ? `\n  ${chalk.yellow(hint)}` : ''}`;
});

export async function askRating(io: Io, config: RatingConfig): Promise<Rating | Quit> {
  return guard(ratingPrompt(config, ctx(io)));
}

/** After a failed save: try again (the person freed space, fixed permissions) or stop. */
export async function askRetry(io: Io): Promise<boolean> {
  const { default: select } = await import('@inquirer/select');
  const choice = await guard(
    select(
      {
        message: 'This answer is not saved yet.',
        choices: [
          { name: 'Try again (after freeing space or fixing the folder)', value: 'retry' },
          { name: 'Stop here (this answer is lost; earlier ones are saved)', value: 'stop' },
        ],
      },
      ctx(io),
    ),
  );
  return choice === 'retry';
}
