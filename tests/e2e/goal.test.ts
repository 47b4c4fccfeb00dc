import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storedProgress } from '../cli/harness.js';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureDir, GOOD_YAML } from '../bank/helpers.js';
import { BIN, Terminal } from './tmux.js';

const OTHER_YAML = `deck: Other
tags: [other]
questions:
${['a', 'b', 'c'].map((x) => `  - id: other-${x}\n    prompt: Explain other idea ${x}.\n    answer: Idea ${x}.\n    key_points: [first of ${x}, second of ${x}]\n`).join('')}`;

let terms: Terminal[] = [];
afterEach(() => {
  for (const t of terms) t.kill();
  terms = [];
});

/** The local day `n` days from now, as the CLI reads the clock. */
function dayFromNow(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('a goal and a paced session in a terminal', () => {
  it("mlquiz goal sets the day; mlquiz run asks today's share, each question saying why, and the goal then counts it", async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlq-e2e-goal-'));
    const bank = fixtureDir({ 'demo.yaml': GOOD_YAML, 'other.yaml': OTHER_YAML });
    const cli = (...args: string[]) =>
      execFileSync('node', [BIN, ...args, '--bank', bank], { env: { ...process.env, MLQUIZ_HOME: home, NO_COLOR: '1' }, encoding: 'utf8' });
    // Six questions, five days: one review day kept, so two new a day for the four days before it.
    const set = cli('goal', dayFromNow(5), '--tag', 'demo', '--tag', 'other', '--minutes', '20');
    expect(set).toContain('5 days to go');
    expect(set).toMatch(/Today: 2 questions, about \d+ min: 0 reviews, 2 new/);

    const t = new Terminal(['run', '--bank', bank, '--seed', 'pace'], { MLQUIZ_HOME: home });
    terms.push(t);
    await t.waitFor('today 2 of your plan: 0 reviews, 2 new; 5 days to go');
    const tagsSeen: string[] = [];
    for (let n = 1; n <= 2; n++) {
      const s = await t.waitFor(new RegExp(`Question ${n} of 2[\\s\\S]*(Your answer|Your choice)`));
      const screen = s.slice(s.lastIndexOf(`Question ${n} of 2`));
      // Breadth: one question from each untried tag, and the header says so.
      expect(screen.split('\n')[0]).toMatch(/^Question \d of 2 · (demo|other) · medium · new: tag not yet tried$/);
      tagsSeen.push(screen.includes(' other ·') ? 'other' : 'demo');
      if (screen.includes('Your choice')) t.send('Enter');
      else if (screen.includes('Enter to reveal')) {
        t.send('Enter');
        await t.waitFor(new RegExp(`Question ${n} of 2(?:(?!Question)[\\s\\S])*Which key points did your answer cover\\?`));
        t.send('Enter');
      } else {
        t.type('0');
        t.send('Enter');
      }
      const after = await t.waitFor(new RegExp(`Question ${n} of 2(?:(?!Question)[\\s\\S])*(How (did it go|sure were you)\\?|Recorded as Again)`));
      if (!after.slice(after.lastIndexOf(`Question ${n} of 2`)).includes('Recorded as Again')) t.type('1');
      await t.waitFor(new RegExp(`(Saved: \\w+\\.[^\\n]*\\n[\\s\\S]*){${n}}`));
    }
    expect(tagsSeen.sort()).toEqual(['demo', 'other']);
    await t.waitFor('Session over');
    expect(await t.exitCode()).toBe(0);
    const progress = storedProgress(home);
    expect(progress.reviews).toHaveLength(2);
    expect(progress.goal).toMatchObject({ tags: ['demo', 'other'], minutes: 20 });
    const status = JSON.parse(cli('goal', '--json'));
    expect(status.plan).toMatchObject({ introduced: 2, remaining: 4 });
    expect(status.status).toBe('on track');
  });
});
