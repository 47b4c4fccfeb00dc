import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalOf, runCli, storedProgress } from './harness.js';

/** A data folder with a goal set through the CLI (the harness clock is 2026-11-21). */
async function withGoal(...args: string[]) {
  const first = await runCli(['goal', '2026-12-20', ...args]);
  expect(first.code).toBe(0);
  const env = { MLQUIZ_HOME: first.home, NO_COLOR: '1' };
  return { home: first.home, env, file: journalOf(first.home) };
}

describe('mlquiz goal', () => {
  it('sets the day, the focus and the minutes, stores them, and shows readiness and today', async () => {
    const { code, out, home } = await runCli(['goal', '2026-12-20', '--tag', 'statistics', '-t', 'probability', '--minutes', '45']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Interview on Sun 2026-12-20 · 29 days to go\n/);
    expect(out).toContain('Scope: statistics, probability (69 questions in 2 tags) · 45 min a day');
    expect(out).toMatch(/Readiness on the day: 0% .* on track/);
    expect(out).toMatch(/Today: \d+ questions, about \d+ min: 0 reviews, \d+ new {2}mlquiz run/);
    expect(out).toContain('Mock rounds: one a week until 2026-12-16, then daily on the last 3 days (2026-12-17 to 2026-12-19)');
    expect(out).toContain('next: today  mlquiz mock');
    const stored = storedProgress(home);
    expect(stored).toMatchObject({
      version: 4,
      goal: { date: '2026-12-20', tags: ['statistics', 'probability'], minutes: 45, set_at: '2026-11-21T09:00:00.000Z' },
    });
  });

  it('--json gives the goal, readiness, status, plan and mock advice', async () => {
    const { env } = await withGoal();
    const { code, out } = await runCli(['goal', '--json'], { env });
    expect(code).toBe(0);
    const s = JSON.parse(out);
    expect(Object.keys(s).sort()).toEqual(['behind', 'days_left', 'goal', 'mocks', 'plan', 'readiness', 'scope', 'status']);
    expect(s).toMatchObject({ goal: { date: '2026-12-20', tags: [], minutes: 30 }, days_left: 29, readiness: { overall: 0, introduced: 0 } });
    expect(s.scope.questions).toBeGreaterThan(800);
    // 861 questions in 26 days do not fit 30 minutes a day, and the status says so.
    expect(s.status).toBe('behind');
    expect(s.behind[0]).toMatch(/^the plan needs about \d+ min a day and you have 30$/);
    expect(s.readiness.tags[0]).toEqual({ tag: expect.any(String), questions: expect.any(Number), introduced: 0, readiness: 0 });
  });

  it('without a goal: says how to set one (or {"goal": null}), exit 0, nothing written', async () => {
    const text = await runCli(['goal']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^No goal set\. Set the interview day: mlquiz goal 2026-12-21/);
    expect(existsSync(join(text.home, 'journal'))).toBe(false);
    expect(JSON.parse((await runCli(['goal', '--json'])).out)).toEqual({ goal: null });
  });

  it.each([
    [['goal', '2026-11-20'], /the interview day 2026-11-20 is in the past \(today is 2026-11-21\)/],
    [['goal', '2026-12-32'], /the interview day 2026-12-32: not a date; give the interview day as YYYY-MM-DD/],
    [['goal', 'soon'], /not a date/],
    [['goal', '2027-01-10', '--minutes', '0'], /argument '0' is invalid\. Expected a number greater than 0/],
    [['goal', '2027-01-10', '--minutes', '-30'], /argument '-30' is invalid/],
    [['goal', '2027-01-10', '--tag', 'statistcs'], /unknown tag "statistcs"\. Tags: /],
    [['goal', '2027-01-10', '--clear'], /--clear removes the goal: give it without a date/],
  ])('%j: a clear error, exit 2, and the goal already set is unchanged', async (argv, message) => {
    const { env, file } = await withGoal('--minutes', '40');
    const before = readFileSync(file, 'utf8');
    const { code, err } = await runCli(argv, { env });
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('with --json an error is a JSON document on stdout too', async () => {
    const { code, out } = await runCli(['goal', '2020-01-01', '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual({ error: { code: 2, message: expect.stringMatching(/is in the past/) } });
  });

  it('--minutes alone changes the minutes and keeps the day and the start of the plan; without a goal it is an error', async () => {
    const { env } = await withGoal('--tag', 'cnn');
    const later = new Date('2026-11-25T09:00:00.000Z');
    expect((await runCli(['goal', '--minutes', '60'], { env, now: () => later })).code).toBe(0);
    expect(storedProgress(env.MLQUIZ_HOME).goal).toEqual({ date: '2026-12-20', tags: ['cnn'], minutes: 60, set_at: '2026-11-21T09:00:00.000Z' });
    const none = await runCli(['goal', '--minutes', '60']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no goal yet: give the interview day first/);
  });

  it('--clear removes the goal and keeps everything else', async () => {
    const { env } = await withGoal();
    const { code, out } = await runCli(['goal', '--clear'], { env });
    expect(code).toBe(0);
    expect(out).toBe('Goal cleared (the interview on 2026-12-20). Reviews and sessions are kept.\n');
    expect(storedProgress(env.MLQUIZ_HOME)).toEqual({ version: 4, cards: {}, reviews: [], sessions: [] });
    expect((await runCli(['goal', '--clear'], { env })).out).toBe('No goal was set; nothing changed.\n');
  });
});

describe('mlquiz run --dry-run', () => {
  it("with a goal: prints today's share and why each question is in it, without a terminal and without changing anything", async () => {
    const { env, file } = await withGoal('--tag', 'statistics', '--minutes', '60');
    const before = readFileSync(file, 'utf8');
    const { code, out } = await runCli(['run', '--dry-run', '--seed', 's'], { env });
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^today (\d+) of your plan: 0 reviews, \1 new; 29 days to go$/);
    expect(lines[1]).toMatch(/^\d+ questions? · seed s /);
    expect(lines[2]).toMatch(/^ {2}1 {2}stat-[a-z0-9-]+ +new: tag not yet tried +\S/);
    expect(out).toContain('Nothing was asked or changed (--dry-run).');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('--json is one JSON document: [{id, tag, kind, reason, retrievability}], the same for the same seed', async () => {
    const { env } = await withGoal('--tag', 'statistics');
    const a = await runCli(['run', '--dry-run', '--json', '--seed', 'x'], { env });
    const picks = JSON.parse(a.out);
    expect(picks.length).toBeGreaterThan(0);
    for (const p of picks) expect(Object.keys(p)).toEqual(['id', 'tag', 'kind', 'reason', 'retrievability']);
    expect(picks[0]).toMatchObject({ tag: 'statistics', kind: 'new', reason: 'new: tag not yet tried', retrievability: 0 });
    expect((await runCli(['run', '--dry-run', '--json', '--seed', 'x'], { env })).out).toBe(a.out);
  });

  it('without a goal: 10 questions, and every one from a different tag while untried tags remain', async () => {
    const picks = JSON.parse((await runCli(['run', '--dry-run', '--json', '--seed', 'y'])).out);
    expect(picks).toHaveLength(10);
    expect(new Set(picks.map((p: { tag: string }) => p.tag)).size).toBe(10);
  });

  it.each([
    [['--new', '3', '-n', '8'], 3],
    [['--reviews-only'], 0],
    [['--new', '0'], 0],
  ])('%j limits the new questions to %i', async (flags, n) => {
    const { code, out } = await runCli(['run', '--dry-run', '--json', ...flags]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toHaveLength(n);
  });

  it.each([
    [['run', '--json'], /--json goes with --dry-run/],
    [['run', '--dry-run', '--reviews-only', '--new', '2'], /give one of them/],
  ])('%j is a usage error', async (argv, message) => {
    const { code, err } = await runCli(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
