import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, usePrefix, useRef, useState } from '@inquirer/core';
import chalk from 'chalk';
import type { Clock } from '../engine/mock.js';
import { renderInline } from '../format/math.js';
import { wrap, wrapHanging } from '../format/text.js';
import { countdownLine, ctx, expired, spare, useCountdown, type Timed } from './countdown.js';
import { columnsOf, guard, type Io } from './prompts.js';

export type ChoiceResult = { kind: 'picked'; value: number[] } | { kind: 'quit' } | { kind: 'timeout' };

export interface ChoiceConfig {
  choices: string[];
  multiple: boolean;
  /** A mock round's clock; without one the prompt waits as long as the person needs. */
  clock?: () => Clock;
  tickMs?: number;
  /** Offer `q` to leave the session (practice runs; a mock round has its own way out). */
  quit?: boolean;
  /** The terminal's size: choices wrap on spaces to `columns`, and the block is cut to `rows` so a redraw never leaves copies behind. */
  columns?: number;
  rows?: number;
}

const letter = (i: number) => String.fromCharCode(97 + i);
const QUIT_KEY = 'q';

/**
 * One prompt for every choice question, timed or not. A letter acts on its own option: it
 * chooses it in a single-answer question and toggles it in a select-all one, so the cursor
 * never wanders to an option the person did not name. Arrows, space and Enter work as usual.
 */
export const choicePrompt = createPrompt<ChoiceResult, ChoiceConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done' | 'timeout'>('idle');
  const [active, setActive] = useState(0);
  const [ticked, setTicked] = useState<number[]>([]);
  const [hint, setHint] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const over = useRef(false);
  const n = config.choices.length;
  const finish = (r: ChoiceResult) => {
    if (over.current) return;
    over.current = true;
    if (r.kind === 'picked') setPicked(r.value);
    setStatus(r.kind === 'timeout' ? 'timeout' : 'done');
    done(r);
  };
  const clock = useCountdown(config, () => finish({ kind: 'timeout' }));
  const prefix = usePrefix({ status: status === 'idle' ? 'idle' : 'done', theme });
  useKeypress((key, rl) => {
    if (over.current) return;
    rl.clearLine(0);
    setHint('');
    const toggle = (i: number) => setTicked(ticked.includes(i) ? ticked.filter((t) => t !== i) : [...ticked, i].sort((a, b) => a - b));
    if (isEnterKey(key)) return finish({ kind: 'picked', value: config.multiple ? ticked : [active] });
    if (isUpKey(key)) return setActive((active - 1 + n) % n);
    if (isDownKey(key)) return setActive((active + 1) % n);
    if (config.multiple && isSpaceKey(key)) return toggle(active);
    const i = key.name?.length === 1 && !key.ctrl ? key.name.charCodeAt(0) - 97 : -1;
    if (i >= 0 && i < n) {
      if (!config.multiple) return finish({ kind: 'picked', value: [i] });
      setActive(i);
      return toggle(i);
    }
    if (config.quit && key.name === QUIT_KEY) return finish({ kind: 'quit' });
    if (key.name?.length === 1 && /[a-z]/.test(key.name)) setHint(`There is no ${key.name}) here: press a to ${letter(n - 1)}.`);
  });
  if (status !== 'idle') {
    const head = clock ? (status === 'timeout' ? expired(clock) : spare(config.clock!())) + '\n' : '';
    if (status === 'timeout') return `${head}${prefix} Your choice: ${chalk.dim('(no answer submitted)')}`;
    const what = picked.length ? picked.map((i) => `${letter(i)}) ${fitOne(renderInline(config.choices[i]!), config.columns)}`).join(', ') : 'none';
    return `${head}${prefix} Your choice: ${chalk.cyan(what)}`;
  }
  const keys = config.multiple ? 'a letter or space ticks, Enter submits' : 'a letter chooses, or arrows and Enter';
  const help = chalk.dim(`(${keys}${config.quit ? `, ${QUIT_KEY} quits` : ''})`);
  const head = [...(clock ? [countdownLine(clock)] : []), `${prefix} ${config.multiple ? 'Select all that apply' : 'Your choice'} ${help}`];
  const options = config.choices.map((c, i) => optionLines(c, i, i === active, config.multiple ? ticked.includes(i) : undefined, config.columns ?? 80));
  const tail = hint ? [chalk.yellow(`  ${hint}`)] : [];
  return [...head, ...fitRows(options, active, (config.rows ?? 1000) - head.length - tail.length - 1), ...tail].join('\n');
});

/** An option wrapped on spaces under its own text, so a long option never splits a word. */
function optionLines(text: string, i: number, isActive: boolean, isTicked: boolean | undefined, columns: number): string[] {
  const box = isTicked === undefined ? '' : isTicked ? '◉ ' : '◯ ';
  const lead = `${isActive ? '❯' : ' '} ${box}${letter(i)}) `;
  const lines = wrapHanging(renderInline(text), columns - 1, lead, ' '.repeat([...lead].length)).split('\n');
  return isActive ? lines.map((l) => chalk.cyan(l)) : lines;
}

/** The options that fit in `room` lines, keeping the active one in view and saying what is hidden. */
function fitRows(options: string[][], active: number, room: number): string[] {
  const all = options.flat();
  if (all.length <= room || room < 3) return all;
  let from = active;
  let to = active + 1;
  const size = (a: number, b: number) => options.slice(a, b).flat().length + 1;
  while (to < options.length && size(from, to + 1) <= room) to++;
  while (from > 0 && size(from - 1, to) <= room) from--;
  const more = [from > 0 && `${from} above`, to < options.length && `${options.length - to} below`].filter(Boolean).join(', ');
  return [...options.slice(from, to).flat(), chalk.dim(`  (${more}: arrows scroll)`)];
}

/** The first line's worth of `s`, cut at a space, with an ellipsis when there was more. */
const fitOne = (s: string, columns = 80) => {
  const [first, ...more] = wrap(s, Math.max(10, columns - 20));
  return first + (more.length ? ' …' : '');
};

/** The terminal's size, for prompts that wrap and fit themselves to it. */
export const terminalSize = (io: Io) => {
  const rows = (io.output as { rows?: number }).rows;
  return { columns: columnsOf(io), ...(rows && { rows }) };
};

/** A choice against the clock: the round's timeout, or the bank indices ticked. */
export async function timedChoice(io: Io, config: { clock: () => Clock; tickMs?: number; choices: string[]; multiple: boolean }): Promise<Timed<number[]>> {
  const r = await guard(choicePrompt({ ...config, ...terminalSize(io) }, ctx(io)));
  return r.kind === 'picked' ? { timedOut: false, value: r.value } : { timedOut: true, partial: '' };
}

/** An untimed choice in a practice run; `quit` when the person presses q. */
export async function untimedChoice(io: Io, choices: string[], multiple: boolean): Promise<number[] | 'quit'> {
  const r = await guard(choicePrompt({ choices, multiple, quit: true, ...terminalSize(io) }, ctx(io)));
  return r.kind === 'picked' ? r.value : 'quit';
}
