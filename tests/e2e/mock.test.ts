import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storedProgress } from '../cli/harness.js';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, Terminal } from './tmux.js';

// Two questions that cannot be near-duplicates: an open one that will time out, a numeric one answered in time.
const BANK = `deck: E2E mock
tags: [e2e-mock]
questions:
  - id: e2e-open
    difficulty: easy
    time_limit: 3
    prompt: Why does an L1 penalty give sparse weights?
    answer: Its penalty has a kink at zero, so the subgradient pushes small weights to exactly zero.
    key_points:
      - kink at zero
      - constant-size subgradient
  - id: e2e-numeric
    type: numeric
    difficulty: medium
    time_limit: 120
    prompt: Two stacked 3x3 convolutions with stride 1 see a window of how many pixels across?
    value: 5
    tolerance: 0
    unit: pixels
    answer: Each layer adds 3 - 1 = 2, so 1 + 2 + 2 = 5.
`;

function setup() {
  const home = mkdtempSync(join(tmpdir(), 'mlq-mock-home-'));
  const banks = mkdtempSync(join(tmpdir(), 'mlq-mock-bank-'));
  writeFileSync(join(banks, 'e2e.yaml'), BANK);
  return { home, banks, progress: () => storedProgress(home) };
}

/** Lines of the screen that show a running countdown (question and round). */
const countdownLines = (screen: string) => screen.split('\n').filter((l) => /⏱ \d+:\d\d left of \d+:\d\d {2}· {2}round/.test(l));

describe('mlquiz mock in a real terminal', () => {
  let term: Terminal | undefined;
  afterEach(() => term?.kill());

  it('counts down in place, moves on by itself at "Time\'s up", ends with a scorecard and records the round', async () => {
    const { home, banks, progress } = setup();
    // No --per-question: each question keeps its bank's time_limit (3 s and 2 min).
    term = new Terminal(['mock', '--tag', 'e2e-mock', '--count', '2', '--seed', '7', '--bank', banks], { MLQUIZ_HOME: home });

    await term.waitFor('Question 1 of 2');
    await term.waitFor(/⏱ 0:0[12] left of 0:03/);
    const ticking = term.screen();
    // Redrawn in place: one countdown line on screen, not a new line per tick.
    expect(countdownLines(ticking)).toHaveLength(1);
    expect(ticking).not.toContain('kink at zero');

    // Nothing is typed: the question times out and the answer is revealed without a key press.
    await term.waitFor("Time's up", 8_000);
    expect(await term.waitFor('Model answer')).toMatch(/Time's up[^\n]*\n(.*\n)*Model answer/);
    await term.waitFor('Which key points did your answer cover?');
    term.send('Space');
    term.send('Enter');
    await term.waitFor('How did it go?');
    term.send('Enter');

    await term.waitFor('Question 2 of 2');
    await term.waitFor(/⏱ \d:\d\d left of 2:00/);
    term.type('5');
    term.send('Enter');
    await term.waitFor('Right.');
    await term.waitFor('How sure were you?');
    term.send('3');

    const card = await term.waitFor('Practise');
    // Issue 10, item 14: the first question was cut off by its clock, so it was not answered.
    expect(card).toMatch(/Scorecard\s+tags: e2e-mock · 1 of 2 answered, 1 timed out/);
    expect(card).toMatch(/1\s+Why does an L1 penalty give sparse weights\?\s+1 of 2\s+Hard\s+0:03 \/ 0:03\s+timed out/);
    expect(card).toMatch(/2\s+Two stacked 3x3 convolutions.*right\s+Good\s+0:0\d \/ 2:00\s*$/m);
    // (0.5 + 1) / 2
    expect(card).toMatch(/Score\s+75%/);
    expect(card).toContain('this is your first scored round');
    expect(card).toContain('Practise  mlquiz run --tag e2e-mock');
    expect(await term.exitCode()).toBe(0);

    const p = progress();
    expect(p.sessions).toHaveLength(1);
    const s = p.sessions[0]!;
    expect(s).toMatchObject({ kind: 'mock', status: 'finished', score: 75, answered: 2, questions: ['e2e-open', 'e2e-numeric'], minutes: 30 });
    expect(s.results!.map((r) => [r.question, r.timed_out, r.covered, r.total, r.budget_ms, r.score])).toEqual([
      ['e2e-open', true, 1, 2, 3000, 0.5],
      ['e2e-numeric', false, 0, 0, 120_000, 1],
    ]);
    expect(s.results![0]!.duration_ms).toBe(3000);
    expect(s.results![1]).toMatchObject({ correct: true, rating: 3 });
    // The reviews feed the scheduler like any other.
    expect(p.reviews.map((r) => [r.question, r.session, r.rating])).toEqual([
      ['e2e-open', s.id, 2],
      ['e2e-numeric', s.id, 3],
    ]);
    expect(Object.keys(p.cards).sort()).toEqual(['e2e-numeric', 'e2e-open']);
  });

  it('--per-question 3 times out on its own; Ctrl+C keeps the graded answer and records the round as abandoned', async () => {
    const { home, banks, progress } = setup();
    term = new Terminal(['mock', '--tag', 'e2e-mock', '--count', '2', '--per-question', '3', '--seed', '7', '--bank', banks], { MLQUIZ_HOME: home });
    await term.waitFor(/⏱ 0:0\d left of 0:03/);
    await term.waitFor("Time's up", 8_000);
    await term.waitFor('Which key points did your answer cover?');
    term.send('Enter');
    await term.waitFor('How did it go?');
    term.send('1');
    await term.waitFor('Question 2 of 2');
    // Ctrl+C once the prompt is up (raw mode on), well inside the 3 s of question 2.
    await term.waitFor('Your answer (in pixels)');
    term.send('C-c');
    // Wait for the last line of the scorecard: the title alone can arrive before the rest is drawn.
    const screen = await term.waitFor('none: the round was abandoned');
    expect(screen).toMatch(/2\s+Two stacked .*not reached/);
    expect(await term.exitCode()).toBe(130);
    const s = progress().sessions[0]!;
    expect(s).toMatchObject({ kind: 'mock', status: 'abandoned', score: null, answered: 1 });
    expect(s.results).toHaveLength(1);
    expect(s.results![0]).toMatchObject({ question: 'e2e-open', timed_out: true, budget_ms: 3000, rating: 1 });
    expect(progress().reviews).toHaveLength(1);
  });
});

describe('mlquiz mock in a short terminal', () => {
  let term: Terminal | undefined;
  afterEach(() => term?.kill());

  it('regression: the countdown leaves no stacked timer lines in a 60x15 pane when the options are taller than the screen', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlq-mock-home-'));
    const banks = mkdtempSync(join(tmpdir(), 'mlq-mock-bank-'));
    const option = (what: string) =>
      `${what}, which keeps the training stable by bounding how far any single update can move the weights of the network away from where they were`;
    const choices = ['Gradient clipping', 'Warm-up', 'Weight decay', 'Label smoothing', 'Batch normalization'].map((w) => `      - "${option(w)}"`).join('\n');
    writeFileSync(
      join(banks, 'short.yaml'),
      `deck: Short\ntags: [e2e-short]\nquestions:\n  - id: e2e-long-choice\n    type: choice\n    difficulty: easy\n    time_limit: 5\n    prompt: Which technique bounds the norm of each update?\n    choices:\n${choices}\n    correct: 0\n    answer: Clipping rescales the gradient whenever its norm passes a threshold, so one bad batch cannot throw the weights far.\n`,
    );
    term = new Terminal(['mock', '--tag', 'e2e-short', '--count', '1', '--seed', '3', '--bank', banks], { MLQUIZ_HOME: home }, { cols: 60, rows: 15 });
    await term.waitFor(/⏱ 0:0[0-3] left of 0:05/, 8_000);
    // Several ticks have been drawn by now; every one of them must have replaced the last.
    const screen = term.screen();
    expect(countdownLines(screen)).toHaveLength(1);
    expect(screen).toMatch(/below: arrows scroll/);
    for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    term.send('C-c');
    expect(await term.exitCode()).toBe(130);
  });
});

describe('mlquiz mock without a terminal', () => {
  const cli = (args: string[], home: string) => {
    try {
      return {
        code: 0,
        out: execFileSync('node', [BIN, ...args], {
          encoding: 'utf8',
          env: { ...process.env, MLQUIZ_HOME: home, NO_COLOR: '1' },
          stdio: ['pipe', 'pipe', 'pipe'],
        }),
        err: '',
      };
    } catch (e) {
      const x = e as { status: number; stdout: string; stderr: string };
      return { code: x.status, out: x.stdout, err: x.stderr };
    }
  };

  it('fails fast instead of waiting for keys, and writes nothing', () => {
    const { home } = setup();
    const r = cli(['mock', '--count', '2'], home);
    expect(r.code).toBe(2);
    expect(r.err).toContain('mlquiz mock is interactive and needs a terminal');
    expect(existsSync(join(home, 'journal'))).toBe(false);
  });

  it('--list-plans works anyway and lists the shipped plans', () => {
    const { home } = setup();
    const r = cli(['mock', '--list-plans'], home);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const name of ['breadth', 'deep-learning', 'quick']) expect(r.out).toMatch(new RegExp(`^${name}\\s+\\d+ questions, \\d+ min`, 'm'));
  });
});
