import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/engine/mock.js';
import { Interrupted } from '../../src/errors.js';
import { countdownLine, timedNumber, timedText } from '../../src/ui/countdown.js';
import { timedChoice } from '../../src/ui/choice-prompt.js';
import { formatClock } from '../../src/format/time.js';

/** A clock the test moves by hand; the prompts poll it every few milliseconds. */
function manualClock(questionMs = 10_000, roundMs = 60_000) {
  let elapsed = 0;
  const clock = (): Clock => {
    const questionLeftMs = Math.max(0, questionMs - elapsed);
    const roundLeftMs = Math.max(0, roundMs - elapsed);
    return {
      questionMs,
      questionLeftMs,
      roundMs,
      roundLeftMs,
      questionWarning: questionLeftMs <= questionMs * 0.2,
      roundWarning: roundLeftMs <= roundMs * 0.2,
      questionExpired: questionLeftMs <= 0,
    };
  };
  return { clock, set: (ms: number) => (elapsed = ms) };
}

function terminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  let screen = '';
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
  output.on('data', (d) => (screen += d));
  return { io: { input, output }, keys: (s: string) => input.write(s), screen: () => screen };
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('countdown display', () => {
  it('formats whole seconds rounding up, so 0:00 shows only when the time is over', () => {
    expect(formatClock(180_000)).toBe('3:00');
    expect(formatClock(2_001)).toBe('0:03');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
  });

  it('shows the question and the round', () => {
    const { clock, set } = manualClock(180_000, 1_800_000);
    set(20_000);
    expect(countdownLine(clock())).toContain('2:40 left of 3:00');
    expect(countdownLine(clock())).toContain('round 29:40 left');
  });
});

describe('timed prompts', () => {
  it('a text answer submitted in time', async () => {
    const t = terminal();
    const { clock } = manualClock();
    const p = timedText(t.io, { clock, tickMs: 5 });
    t.keys('bias vs variance\r');
    expect(await p).toEqual({ timedOut: false, value: 'bias vs variance' });
  });

  it('resolves with the timeout marker and the text typed so far when the time runs out', async () => {
    const t = terminal();
    const { clock, set } = manualClock(10_000);
    const p = timedText(t.io, { clock, tickMs: 5 });
    t.keys('half an ans');
    await until(() => t.screen().includes('half an ans'));
    set(8_500);
    await until(() => t.screen().includes('0:02 left of 0:10'));
    expect(t.screen()).toContain('0:02 left of 0:10');
    set(10_000);
    expect(await p).toEqual({ timedOut: true, partial: 'half an ans' });
    expect(t.screen()).toContain('0:00 left of 0:10');
  });

  it('a number must parse before it is submitted', async () => {
    const t = terminal();
    const p = timedNumber(t.io, { clock: manualClock().clock, tickMs: 5, parse: (s) => (/^\d+$/.test(s) ? Number(s) : undefined) });
    t.keys('five\r');
    await until(() => t.screen().includes('Type a number'));
    expect(t.screen()).toContain('Type a number');
    // The rejected text stays in the line to be fixed; clear it first.
    t.keys('\x7f\x7f\x7f\x7f5\r');
    expect(await p).toEqual({ timedOut: false, value: 5 });
  });

  it('choices: a letter chooses its option; a multiple choice ticks', async () => {
    const t = terminal();
    const single = timedChoice(t.io, { clock: manualClock().clock, tickMs: 5, choices: ['L1', 'L2', 'dropout'], multiple: false });
    t.keys('c');
    expect(await single).toEqual({ timedOut: false, value: [2] });
    const t2 = terminal();
    const multi = timedChoice(t2.io, { clock: manualClock().clock, tickMs: 5, choices: ['L1', 'L2', 'dropout'], multiple: true });
    t2.keys('a');
    t2.keys('c');
    await until(() => (t2.screen().match(/◉/g) ?? []).length >= 2);
    t2.keys('\r');
    expect(await multi).toEqual({ timedOut: false, value: [0, 2] });
  });

  it('a choice not submitted in time is a timeout, whatever is highlighted', async () => {
    const t = terminal();
    const { clock, set } = manualClock(5_000);
    const p = timedChoice(t.io, { clock, tickMs: 5, choices: ['yes', 'no'], multiple: false });
    t.keys('\x1b[B');
    await until(() => t.screen().includes('❯ b)'));
    set(6_000);
    expect(await p).toEqual({ timedOut: true, partial: '' });
  });

  it('Ctrl+C is an interruption, as in every other prompt', async () => {
    const t = terminal();
    const p = timedText(t.io, { clock: manualClock().clock, tickMs: 5 });
    t.keys('\x03');
    await expect(p).rejects.toBeInstanceOf(Interrupted);
  });
});
