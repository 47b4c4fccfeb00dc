import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storedProgress } from '../cli/harness.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir, GOOD_YAML } from '../bank/helpers.js';
import { Terminal } from './tmux.js';

let terms: Terminal[] = [];
const open = (args: string[], home: string) => {
  const t = new Terminal(args, { MLQUIZ_HOME: home });
  terms.push(t);
  return t;
};
afterEach(() => {
  for (const t of terms) t.kill();
  terms = [];
});
const progressOf = storedProgress;

beforeAll(() => {
  execFileSync('tmux', ['-V']);
});

/** The screen from the heading of question n on. */
async function questionScreen(t: Terminal, n: number): Promise<string> {
  const s = await t.waitFor(new RegExp(`Question ${n} of \\d+[\\s\\S]*(Your answer|Your choice)`));
  return s.slice(s.lastIndexOf(`Question ${n} of`));
}

/** Answers whatever question is on screen (wrongly or without ticks) and rates it `rating` (a wrong auto-graded answer is Again by itself). */
async function answerAny(t: Terminal, n: number, rating: string): Promise<void> {
  const screen = await questionScreen(t, n);
  if (screen.includes('Your choice')) t.send('Enter');
  else if (screen.includes('Enter to reveal')) {
    t.send('Enter');
    await t.waitFor('Which key points did your answer cover?');
    t.send('Enter');
  } else {
    t.type('0');
    t.send('Enter');
  }
  const after = await t.waitFor(/(How (did it go|sure were you)\?|Recorded as Again)[^\n]*\n?[\s\S]*$/);
  if (!after.slice(after.lastIndexOf(`Question ${n} of`)).includes('Recorded as Again')) t.type(rating);
}

/** Quits at question n, whatever its type. */
async function quitAt(t: Terminal, n: number): Promise<void> {
  const screen = await questionScreen(t, n);
  // q quits from a choice at once; in a text prompt it is typed and submitted.
  if (screen.includes('Your choice')) t.type('q');
  else {
    t.type('q');
    t.send('Enter');
  }
}

describe('mlquiz run in a terminal', () => {
  const bank = fixtureDir({ 'demo.yaml': GOOD_YAML });
  const args = ['run', '--bank', bank, '--tag', 'demo', '--seed', 'e2e'];

  it('answer, tick, rate three questions; each review is saved with its details', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlq-e2e-'));
    const t = open(args, home);
    await t.waitFor('3 questions · seed e2e');
    for (let i = 1; i <= 3; i++) {
      const screen = await t.waitFor(new RegExp(`Question ${i} of 3[\\s\\S]*(Your answer|Your choice)`));
      const current = screen.slice(screen.lastIndexOf(`Question ${i} of 3`));
      if (current.includes('What is overfitting?')) {
        t.type('memorising noise');
        t.send('Enter');
        await t.waitFor('Which key points did your answer cover?');
        expect(t.screen()).toContain('Fitting noise in the training data.');
        t.send('Space', 'Enter'); // tick the first of two key points
        const rating = await t.waitFor(/How did it go\?.*\[2 Hard\]/);
        expect(rating).toMatch(/Good.*Easy/); // shown, but not open to a partial answer
        t.type('3'); // refused for a partial answer: the prompt says why
        await t.waitFor('Good is not open to a partly right answer');
        t.type('2');
      } else if (current.includes('Which penalty gives sparsity?')) {
        // Options are shuffled: type the letter shown beside L1 (issue 10, items 1 and 2).
        const letter = /([a-e])\) L1\b/.exec(current)![1]!;
        t.type(letter);
        await t.waitFor(new RegExp(`Your choice: ${letter}\\) L1[\\s\\S]*✔ Right\\.[\\s\\S]*How sure were you\\?`));
        t.type('3');
      } else {
        expect(current).toContain('2 + 2?');
        t.type('5');
        t.send('Enter');
        // Issue 10, item 3: a wrong auto-graded answer is Again, recorded without asking how sure.
        const after = await t.waitFor(/Not quite\. The answer: 4[\s\S]*Recorded as Again[\s\S]*Saved: Again/);
        expect(after.slice(after.lastIndexOf('Not quite'))).not.toContain('How sure were you?');
      }
      await t.waitFor(new RegExp(`(Saved: \\w+\\. Next review [^\\n]*\\n[\\s\\S]*){${i}}`));
    }
    const end = await t.waitFor('Session over');
    expect(end).toMatch(/answered\s+3 \(Again 1, Hard 1, Good 1\)/);
    expect(end).toMatch(/next due/);
    expect(await t.exitCode()).toBe(0);
    const p = progressOf(home);
    expect(p.reviews).toHaveLength(3);
    const byId = Object.fromEntries(p.reviews.map((r: { question: string }) => [r.question, r]));
    expect(byId['demo-open']).toMatchObject({ rating: 2, covered: [0], total: 2, state: 0 });
    expect(byId['demo-choice']).toMatchObject({ rating: 3, correct: true });
    expect(byId['demo-numeric']).toMatchObject({ rating: 1, correct: false });
    expect(p.sessions).toEqual([expect.objectContaining({ kind: 'run', status: 'finished', answered: 3, seed: 'e2e' })]);
  });

  it('regression: --id asks in the order given, the answer is echoed once, and a fresh seed is short', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlq-e2e-'));
    const t = open(['run', '--bank', bank, '--id', 'demo-numeric', '--id', 'demo-open', '--id', 'demo-choice'], home);
    const head = await t.waitFor(/3 questions · seed (\S+) ·/);
    expect(/seed (\S+) ·/.exec(head)![1]).toMatch(/^[a-z2-9]{6}$/);
    expect(await questionScreen(t, 1)).toContain('2 + 2?');
    t.type('4');
    t.send('Enter');
    await t.waitFor('How sure were you?');
    t.type('3');
    const second = await questionScreen(t, 2);
    expect(second).toContain('What is overfitting?');
    t.type('memorising noise');
    t.send('Enter');
    const revealed = await t.waitFor('Which key points did your answer cover?');
    expect(revealed.split('memorising noise').length - 1).toBe(1);
    t.send('Enter');
    await t.waitFor('How did it go?');
    t.type('1');
    expect(await questionScreen(t, 3)).toContain('Which penalty gives sparsity?');
    t.type('q');
    expect(await t.exitCode()).toBe(0);
  });

  it('regression: a numeric question accepts Enter as "I don\'t know", reveals the answer and records Again', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlq-e2e-'));
    const t = open(['run', '--bank', bank, '--id', 'demo-numeric'], home);
    await t.waitFor("Enter or ? if you don't know");
    t.send('Enter');
    const s = await t.waitFor(/Not answered\. The answer: 4[\s\S]*Recorded as Again[\s\S]*Saved: Again/);
    expect(s).not.toContain('Type a number');
    expect(s).not.toContain('How sure were you?');
    await t.waitFor('Session over');
    expect(progressOf(home).reviews).toMatchObject([{ question: 'demo-numeric', rating: 1, correct: false }]);
  });

  it('q leaves keeping graded answers; the next session resumes with what is left', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlq-e2e-'));
    const t = open(args, home);
    const first = await questionScreen(t, 1);
    const firstPrompt = ['What is overfitting?', 'Which penalty', '2 + 2?'].find((p) => first.includes(p))!;
    await answerAny(t, 1, '2');
    await quitAt(t, 2);
    await t.waitFor(/answered\s+1/);
    expect(await t.exitCode()).toBe(0);
    expect(progressOf(home).reviews).toHaveLength(1);
    expect(progressOf(home).sessions[0]!.status).toBe('quit');

    const again = open(args, home);
    // New, and from the tag just missed, so its header names the weak tag.
    const resumed = await again.waitFor(/Question 1 of 3 .*· (new|weak tag: demo)/);
    // The answered question is no longer new, so the session opens with another one.
    expect(resumed.slice(resumed.indexOf('Question 1 of 3'))).not.toContain(firstPrompt);
  });

  it('Ctrl+C exits 130 and keeps every graded answer', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlq-e2e-'));
    const t = open(['run', '--tag', 'regularization', '--seed', 'ctrl-c'], home);
    await answerAny(t, 1, '1');
    await t.waitFor('Question 2 of');
    t.send('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toMatch(/Interrupted; every graded answer is saved\./);
    const p = progressOf(home);
    expect(p.reviews).toHaveLength(1);
    expect(p.reviews[0]!.rating).toBe(1);
    expect(p.sessions[0]!.status).toBe('interrupted');
  });

  it('the same seed over the same progress asks the same questions', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlq-e2e-'));
    const firstScreen = async (seed: string) => {
      const t = open(['run', '--tag', 'regularization', '--seed', seed, '-n', '5'], home);
      const s = await t.waitFor(/Question 1 of 5[\s\S]*(Your answer|Your choice)/);
      t.send('C-c');
      await t.exitCode();
      return s.slice(s.indexOf('Question 1 of 5')).split('?')[0];
    };
    const a = await firstScreen('same');
    expect(await firstScreen('same')).toBe(a);
  });
});
