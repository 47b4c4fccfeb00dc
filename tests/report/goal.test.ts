// Issue 11, items 2 and 7: the report shows the goal's readiness, today's share and the
// mock rounds against the days left, in the terminal, the JSON and the page alike.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { UTC } from '../../src/engine/days.js';
import { goalStatus } from '../../src/engine/goal-status.js';
import type { Goal, Progress } from '../../src/progress/schema.js';
import { buildReport } from '../../src/report/build.js';
import { daysBefore, goalHeadline, goalScopeNote, introducedNote, NO_GOAL, todayShare } from '../../src/report/labels.js';
import { percent } from '../../src/report/recall.js';
import { renderHtml } from '../../src/report/render-html.js';
import { GOAL_TAGS_SHOWN, renderTerminal } from '../../src/report/render-terminal.js';
import type { ReportData } from '../../src/report/types.js';
import { makeQuestion, mockSession, simulate } from './fixtures.js';

const plain = new Chalk({ level: 0 });
const NOW = new Date('2026-11-21T09:00:00Z'); // a Saturday
const TAGS = ['cnn', 'rnn', 'svm', 'gan', 'rl', 'nlp', 'cv'];
const QS = Array.from({ length: 70 }, (_, i) => makeQuestion(`q${i}`, [TAGS[Math.floor(i / 10)]!]));
// The history covers the first 40 questions only (cnn, rnn, svm, gan), so that rl, nlp and cv are untouched.
const sim = simulate({ questions: QS.slice(0, 40), reviews: 500, end: new Date('2026-11-21T08:00:00Z'), perDay: 12, seed: 'goal' });
const GOAL: Goal = { date: '2026-12-19', tags: [], minutes: 20, set_at: '2026-11-01T09:00:00Z' };
const withGoal = (goal: Goal = GOAL): Progress => ({
  ...sim,
  goal,
  sessions: [
    ...sim.sessions,
    mockSession('m-old', '2026-10-20T18:00:00Z', 50), // before the goal was set: not among its rounds
    mockSession('m1', '2026-11-05T18:00:00Z', 61.25),
    mockSession('m2', '2026-11-12T18:00:00Z', null, 'abandoned'),
    mockSession('m3', '2026-11-14T18:00:00Z', 72),
  ],
});
const pageText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, ' ');
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe("the report's goal key", () => {
  it('is null without a goal, and every view says in one line how to set one', () => {
    const d = buildReport(QS, sim, { now: NOW, offset: UTC });
    expect(d.goal).toBeNull();
    expect(JSON.parse(JSON.stringify(d)).goal).toBeNull();
    const term = renderTerminal(d, { width: 140, chalk: plain });
    expect(term.split('\n').filter((l) => l.includes('mlquiz goal YYYY-MM-DD'))).toEqual([NO_GOAL]);
    expect(renderHtml(d)).toContain('<section id="goal"><p class="dim">No interview day set: <code>mlquiz goal YYYY-MM-DD</code> plans');
    expect(term).not.toContain('Interview on');
  });

  it("is goalStatus over every loaded question, whatever the report's --tag filter, mock scores rounded as the report rounds them", () => {
    const p = withGoal();
    const want = goalStatus(QS, p, GOAL, NOW, UTC);
    const d = buildReport(QS, p, { now: NOW, offset: UTC });
    expect(d.goal).toEqual({
      ...want,
      mocks: { ...want.mocks, rounds: want.mocks.rounds.map((r) => ({ ...r, score: r.score === null ? null : Math.round(r.score * 10) / 10 })) },
    });
    expect(d.goal!.readiness.overall).toBe(want.readiness.overall);
    expect(d.goal!.mocks.rounds).toEqual([
      { date: '2026-11-05', days_left: 44, score: 61.3 },
      { date: '2026-11-12', days_left: 37, score: null },
      { date: '2026-11-14', days_left: 35, score: 72 },
    ]);
    const filtered = buildReport(
      QS.filter((q) => q.tags.includes('cnn')),
      p,
      { now: NOW, offset: UTC, tags: ['cnn'], all: QS },
    );
    expect(filtered.goal).toEqual(d.goal);
  });

  it("a focused goal covers its tags only, and Next points at its untouched tags and today's share", () => {
    const goal: Goal = { ...GOAL, tags: ['cnn', 'cv'] };
    const d = buildReport(QS, withGoal(goal), { now: NOW, offset: UTC });
    expect(d.goal!.scope).toEqual({ questions: 20, tags: 2 });
    expect(d.goal!.readiness.tags.map((t) => t.tag).sort()).toEqual(['cnn', 'cv']);
    expect(d.next[0]).toEqual({ command: 'mlquiz run', reason: `today's share of your plan: ${todayShare(d.goal!.plan.today)}` });
    expect(d.next).toContainEqual({ command: 'mlquiz run --tag cv', reason: '1 tag of your goal never tried: cv; one session opens each' });
  });
});

describe('the terminal, the JSON and the HTML page show the same goal figures', () => {
  const data = buildReport(QS, withGoal(), { now: NOW, offset: UTC });
  const json = JSON.parse(JSON.stringify(data)) as ReportData;
  const g = json.goal!;
  const term = renderTerminal(json, { width: 100, chalk: plain });
  const html = renderHtml(json);
  const page = pageText(html);

  it('has a fixture worth comparing: behind, with untried tags and rounds taken', () => {
    expect(g.status).toBe('behind');
    expect(g.behind.length).toBeGreaterThan(0);
    expect(g.plan.today.total).toBeGreaterThan(0);
    expect(g.readiness.tags.length).toBeGreaterThan(GOAL_TAGS_SHOWN);
    expect(g.readiness.tags[0]!.readiness).toBe(0);
  });

  it('headline, scope, readiness, on track or behind and why', () => {
    for (const s of [flat(term), page]) {
      expect(s).toContain(goalHeadline(g));
      expect(s).toContain(goalScopeNote(g));
    }
    expect(goalHeadline(g)).toBe('Interview on Sat 2026-12-19 · 28 days to go');
    expect(term).toMatch(new RegExp(`^ {2}readiness {3}${percent(g.readiness.overall)} \\S+ {2}behind$`, 'm'));
    expect(page).toContain(`Readiness on the day ${percent(g.readiness.overall)} behind`);
    for (const why of g.behind) {
      expect(flat(term)).toContain(`behind: ${why}`);
      expect(page).toContain(`behind: ${why}`);
    }
    expect(term).toContain(`  ${introducedNote(g)}`);
    expect(page).toContain(`Introduced ${g.plan.introduced} / ${g.scope.questions} the plan expects ${g.plan.expected_introduced} by today`);
  });

  it("today's share, with its command", () => {
    expect(term).toContain(`  today       ${todayShare(g.plan.today)} · mlquiz run`);
    expect(page).toContain(`Today ${g.plan.today.total} ${todayShare(g.plan.today)} · mlquiz run`);
  });

  it('readiness by tag: the lowest in the terminal, every tag on the page, the same percentages', () => {
    for (const t of g.readiness.tags.slice(0, GOAL_TAGS_SHOWN))
      expect(term).toMatch(new RegExp(`^ {4}${t.tag} +\\S+ +${percent(t.readiness)} {2}${t.introduced} of ${t.questions} introduced$`, 'm'));
    expect(term).toContain(`… and ${g.readiness.tags.length - GOAL_TAGS_SHOWN} more (mlquiz goal lists them all)`);
    for (const t of g.readiness.tags) {
      expect(page).toContain(`${t.tag} ${t.introduced} / ${t.questions} ${percent(t.readiness)}`);
      expect(html).toContain(`aria-label="${t.tag} readiness ${percent(t.readiness)}"`);
    }
  });

  it('each mock round with its score and the days before the interview, the rule and the next round', () => {
    expect(g.mocks.next).toBe('2026-11-21');
    for (const r of g.mocks.rounds) {
      const score = r.score === null ? 'unscored' : String(r.score);
      expect(term).toMatch(new RegExp(`^ {4}${r.date} +${score} {2}${daysBefore(r.days_left)}$`, 'm'));
      expect(page).toContain(`${r.date} ${score} ${daysBefore(r.days_left)}`);
    }
    expect(daysBefore(44)).toBe('44 days before the interview');
    for (const s of [flat(term), page]) expect(s).toContain(g.mocks.rule);
    expect(term).toContain('    next: today  mlquiz mock');
    expect(page).toContain('Next: today · mlquiz mock');
    // And Next asks for it, as mock-advice says one is due today.
    expect(json.next.map((n) => n.command)).toContain('mlquiz mock');
  });

  it('says the day has passed and how to move on, with no share or mock for after it', () => {
    const over = buildReport(QS, withGoal({ ...GOAL, date: '2026-11-19' }), { now: NOW, offset: UTC });
    expect(over.goal!.status).toBe('over');
    const t = renderTerminal(over, { width: 100, chalk: plain });
    expect(t).toContain('Interview on Thu 2026-11-19 · the interview was 2 days ago');
    expect(t).toContain('the day has passed');
    expect(t).toContain('Set the next interview day, or remove this one: mlquiz goal --clear');
    expect(t).not.toMatch(/^ {2}today {7}/m);
    expect(pageText(renderHtml(over))).toContain('Set the next interview day, or remove this one: mlquiz goal --clear');
    expect(over.next.map((n) => n.reason)).not.toContainEqual(expect.stringMatching(/today's share|by your plan/));
  });

  it('fits 60 columns', () => {
    expect(
      renderTerminal(json, { width: 60, chalk: plain })
        .split('\n')
        .filter((l) => [...l].length > 60),
    ).toEqual([]);
  });
});
