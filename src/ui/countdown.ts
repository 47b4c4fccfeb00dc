import { createPrompt, isEnterKey, makeTheme, useEffect, useKeypress, usePrefix, useRef, useState } from '@inquirer/core';
import chalk from 'chalk';
import type { Clock } from '../engine/mock.js';
import { guard, type Io } from './prompts.js';
import { isDontKnow } from '../engine/answer-check.js';
import { formatClock } from '../format/time.js';

/** What a timed prompt gives back: the answer, or the marker that the question's time ran out. */
export type Timed<T> = { timedOut: false; value: T } | { timedOut: true; partial: string };

interface TimedConfig {
  /** Read on every tick; the command binds it to the round's state and the real clock. */
  clock: () => Clock;
  /** How often the countdown is checked; a redraw happens only when a shown second changes. */
  tickMs?: number;
}

/** The countdown line: this question's time and the round's, each warning in its last 20%. */
export function countdownLine(c: Clock): string {
  const q = `${formatClock(c.questionLeftMs)} left of ${formatClock(c.questionMs)}`;
  const r = `round ${formatClock(c.roundLeftMs)} left`;
  const warn = chalk.bold.yellow;
  return `⏱ ${c.questionWarning ? warn(q) : chalk.cyan(q)}  ${chalk.dim('·')}  ${c.roundWarning ? warn(r) : chalk.dim(r)}`;
}

// The command says "Time's up" in words; the frame left behind shows the clock at zero.
export const expired = (c: Clock) => chalk.bold.yellow(`⏱ 0:00 left of ${formatClock(c.questionMs)}`);

/**
 * The ticking part every timed prompt shares: redraws when a shown second changes, and
 * when the question's time runs out, calls `onExpire` once. Without a clock (an untimed
 * prompt) it does nothing and returns undefined; hooks must still be called every render.
 */
export function useCountdown(config: { clock?: () => Clock; tickMs?: number }, onExpire: () => void): Clock | undefined {
  const [clock, setClock] = useState(config.clock?.());
  const last = useRef(clock ? shown(clock) : '');
  useEffect(() => {
    if (!config.clock) return;
    const timer = setInterval(() => {
      const c = config.clock!();
      if (c.questionExpired) return onExpire();
      // Redraw only when what is shown changes: a whole second or a warning state.
      if (shown(c) === last.current) return;
      last.current = shown(c);
      setClock(c);
    }, config.tickMs ?? 200);
    return () => clearInterval(timer);
  }, []);
  return clock;
}

const shown = (c: Clock) => `${formatClock(c.questionLeftMs)}|${formatClock(c.roundLeftMs)}|${c.questionWarning}|${c.roundWarning}`;

/** The line left above an answered prompt, with the time read at the moment of submitting. */
export const spare = (c: Clock) => chalk.dim(`⏱ answered with ${formatClock(c.questionLeftMs)} of ${formatClock(c.questionMs)} to spare`);

interface TextConfig extends TimedConfig {
  message: string;
  /** Numbers only: undefined for text that is not a number. */
  parse?: (s: string) => number | undefined;
  invalid?: string;
  /** Numbers only: Enter alone or `?` submits "I don't know" instead of asking for a number. */
  allowUnknown?: boolean;
}

type Status = 'idle' | 'done' | 'timeout';

const textPrompt = createPrompt<Timed<string>, TextConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<Status>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const over = useRef(false);
  const line = useRef('');
  const finish = (r: Timed<string>) => {
    if (over.current) return;
    over.current = true;
    setStatus(r.timedOut ? 'timeout' : 'done');
    if (!r.timedOut) setValue(r.value);
    done(r);
  };
  const clock = useCountdown(config, () => finish({ timedOut: true, partial: line.current }))!;
  const prefix = usePrefix({ status: status === 'idle' ? 'idle' : 'done', theme });
  useKeypress((key, rl) => {
    if (over.current) return;
    if (isEnterKey(key)) {
      const text = value.trim();
      if (config.parse && config.parse(text) === undefined && !(config.allowUnknown && isDontKnow(text))) {
        // readline emptied its line on Enter; put the text back to be fixed.
        rl.write(value);
        setError(config.invalid ?? 'Type a number');
        return;
      }
      finish({ timedOut: false, value: text });
      return;
    }
    setError(undefined);
    line.current = rl.line;
    setValue(rl.line);
  });
  if (status === 'timeout') return `${expired(clock)}\n${prefix} ${config.message} ${chalk.dim(value || '(nothing typed)')}`;
  const head = status === 'done' ? spare(config.clock()) : countdownLine(clock);
  return [`${head}\n${prefix} ${config.message} ${status === 'done' ? chalk.cyan(value) : value}`, error ? chalk.red(`> ${error}`) : ''];
});

export const ctx = (io: Io) => ({ input: io.input, output: io.output, clearPromptOnDone: false });

/** A free-text answer against the clock; Enter alone submits an answer given out loud. */
export function timedText(io: Io, config: TimedConfig): Promise<Timed<string>> {
  return guard(textPrompt({ ...config, message: 'Your answer (Enter to submit; an empty answer means you said it aloud):' }, ctx(io)));
}

/** A number against the clock; `null` when the person does not know (Enter alone or `?`). */
export async function timedNumber(io: Io, config: TimedConfig & { unit?: string; parse: (s: string) => number | undefined }): Promise<Timed<number | null>> {
  const r = await guard(
    textPrompt(
      {
        ...config,
        allowUnknown: true,
        message: `Your answer${config.unit ? ` (in ${config.unit})` : ''} (Enter or ? if you don't know):`,
        invalid: 'Type a number, e.g. 0.25, 1/4, 25% or 3e-2',
      },
      ctx(io),
    ),
  );
  if (r.timedOut) return r;
  return { timedOut: false, value: isDontKnow(r.value) ? null : config.parse(r.value)! };
}
