import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { untimedChoice } from '../../src/ui/choice-prompt.js';

function terminal(columns = 100, rows?: number) {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  let screen = '';
  const output = Object.assign(new PassThrough(), { isTTY: true, columns, ...(rows && { rows }) });
  output.on('data', (d) => (screen += d));
  return { io: { input, output }, keys: (s: string) => input.write(s), screen: () => stripVTControlCharacters(screen) };
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
};
const CHOICES = ['L1 penalty', 'L2 penalty', 'dropout', 'early stopping', 'a larger batch'];
const DOWN = '\x1b[B';

describe('the choice prompt (issue 10, item 2: letter keys)', () => {
  it('regression: c chooses option c in a single-answer question, without moving the cursor elsewhere first', async () => {
    const t = terminal();
    const p = untimedChoice(t.io, CHOICES, false);
    t.keys('c');
    expect(await p).toEqual([2]);
    expect(t.screen()).toContain('Your choice: c) dropout');
  });

  it('regression: in a select-all question each letter toggles its own option, and a ticks only a)', async () => {
    const t = terminal();
    const p = untimedChoice(t.io, CHOICES, true);
    t.keys('a');
    t.keys('c');
    t.keys('e');
    t.keys('e'); // untick
    await until(() => (t.screen().match(/◉/g) ?? []).length >= 1);
    t.keys('\r');
    expect(await p).toEqual([0, 2]);
  });

  it('arrows and Enter still work; space ticks the highlighted option', async () => {
    const t = terminal();
    const single = untimedChoice(t.io, CHOICES, false);
    t.keys(DOWN + DOWN + DOWN + '\r');
    expect(await single).toEqual([3]);
    const t2 = terminal();
    const multi = untimedChoice(t2.io, CHOICES, true);
    t2.keys(DOWN + ' ');
    await until(() => t2.screen().includes('◉'));
    t2.keys('\r');
    expect(await multi).toEqual([1]);
  });

  it('a letter beyond the options says which letters there are and chooses nothing', async () => {
    const t = terminal();
    const p = untimedChoice(t.io, CHOICES.slice(0, 3), false);
    t.keys('x');
    await until(() => t.screen().includes('There is no x) here: press a to c.'));
    expect(t.screen()).toContain('There is no x) here: press a to c.');
    t.keys('b');
    expect(await p).toEqual([1]);
  });

  it('q leaves the session', async () => {
    const t = terminal();
    const p = untimedChoice(t.io, CHOICES, false);
    t.keys('q');
    expect(await p).toBe('quit');
  });
});

describe('the choice prompt on small terminals (issue 10, items 9 and 10)', () => {
  const long = [
    'Gradient clipping, which bounds the norm of each update so that one exploding step cannot throw the weights far away',
    'A smaller learning rate for the first few thousand steps, then the schedule as planned, to avoid early jitter',
    'Batch normalization after every layer so that activations stay in a stable range through training',
  ];

  it('regression: long options wrap on spaces at 40 columns; no word is split', async () => {
    const t = terminal(40);
    const p = untimedChoice(t.io, long, false);
    await until(() => t.screen().includes('c) '));
    const lines = t.screen().split('\n');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(40);
    const onScreen = new Set(lines.flatMap((l) => l.split(/\s+/)));
    for (const w of long.join(' ').split(/\s+/)) expect(onScreen, w).toContain(w);
    t.keys('a');
    await p;
  });

  it('regression: in a terminal shorter than the options, only a window of them is drawn, with the active one in view', async () => {
    const t = terminal(40, 8);
    const p = untimedChoice(t.io, long, false);
    await until(() => t.screen().includes('below'));
    expect(t.screen()).toMatch(/\(\d below: arrows scroll\)/);
    t.keys(DOWN + DOWN);
    await until(() => t.screen().includes('above'));
    t.keys('\r');
    expect(await p).toEqual([2]);
  });
});
