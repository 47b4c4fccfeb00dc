// Regressions of issue 10, item 13: "the report disagrees with itself". Every figure is
// computed once in build.ts and every view prints that one figure, in the same words.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../../src/engine/rating.js';
import { retrievability } from '../../src/engine/schedule.js';
import { emptyProgress, type Progress, type StoredCard } from '../../src/progress/schema.js';
import { buildReport, localIso } from '../../src/report/build.js';
import { dueNowNote, forecastNote, madeAt } from '../../src/report/labels.js';
import { percent } from '../../src/report/recall.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderTerminal } from '../../src/report/render-terminal.js';
import type { ReportData } from '../../src/report/types.js';
import { makeQuestion, review, simulate } from './fixtures.js';

const plain = new Chalk({ level: 0 });
const NOW = new Date('2026-11-21T09:00:00Z'); // a Saturday; 10:00 in the zone below
const PARIS = () => -60; // UTC+01:00: minutes behind UTC, as Date#getTimezoneOffset
const terminal = (d: ReportData, width = 100) => renderTerminal(d, { width, chalk: plain });
/** The page's text as a reader sees it: no tags, entities decoded, spaces collapsed. */
const pageText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, ' ');
/** Terminal text with its wrapped lines joined, for sentences that wrap. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

const card = (due: string, over: Partial<StoredCard> = {}): StoredCard => ({
  due,
  stability: 5,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 5,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  last_review: '2026-11-01T00:00:00Z',
  ...over,
});

/** Reviews one question with the given ratings, a day apart, ending at `end`. */
function drill(p: Progress, id: string, ratings: Rating[], end: string): Progress {
  const last = Date.parse(end);
  ratings.forEach((r, i) => {
    p = review(p, id, new Date(last - (ratings.length - 1 - i) * 86_400_000).toISOString(), r);
  });
  return p;
}

describe('regression: due now and due today agree', () => {
  const qs = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => makeQuestion(id, ['t']));
  // Local time is UTC+1: today is 2026-11-21 from 2026-11-20T23:00Z to 2026-11-21T23:00Z.
  const cards = {
    a: card('2026-11-19T09:00:00Z'), // overdue: due two days ago
    b: card('2026-11-20T23:30:00Z'), // due now, and today in local time (00:30), though yesterday in UTC
    c: card('2026-11-21T08:00:00Z'), // due now: an hour ago
    d: card('2026-11-21T15:00:00Z'), // later today
    e: card('2026-11-21T22:30:00Z'), // later today (23:30 local)
    f: card('2026-11-21T23:30:00Z'), // tomorrow (00:30 local)
  };
  const p: Progress = { ...review(emptyProgress(), 'a', '2026-11-01T00:00:00Z', 3), cards };
  const d = buildReport(qs, p, { now: NOW, offset: PARIS });

  it('nests overdue in due now in due today, and due today is the first forecast bar', () => {
    expect(d.totals).toMatchObject({ overdue: 1, due_now: 3, due_today: 5 });
    expect(d.due.overdue).toBe(d.totals.overdue);
    expect(d.due.days[0]).toEqual({ date: '2026-11-21', reviews: d.totals.due_today });
    expect(d.due.days[1]).toEqual({ date: '2026-11-22', reviews: 1 });
    // The tag rows count "due now" too.
    expect(d.tags[0]?.due).toBe(d.totals.due_now);
  });

  it('labels them in the same words in the terminal and the page, so that they cannot read as a contradiction', () => {
    const s = terminal(d);
    expect(s).toContain('due now     3 · 1 of them overdue · 5 by the end of today');
    expect(s).toMatch(/^ {2}today {3}█+ 5 \(3 now, 1 overdue\)$/m);
    expect(flat(s)).toContain('Today counts 5 reviews due by the end of the day: 3 due now, 1 of them overdue from earlier days.');
    expect(s).toContain('3 reviews due now: they come first');
    const page = pageText(renderHtml(d));
    expect(page).toContain('Due now 3 1 of them overdue · 5 by the end of today');
    expect(page).toContain('Today counts 5 reviews due by the end of the day: 3 due now, 1 of them overdue from earlier days.');
    expect(page).toContain('3 reviews due now: they come first');
    expect(page).not.toMatch(/\boverdue from earlier days\b.*\boverdue from earlier days\b.*\boverdue from earlier days\b/);
  });

  it('says "by the end of today" alone when nothing is due yet', () => {
    expect(dueNowNote({ due_now: 0, due_today: 2, overdue: 0 })).toBe('2 by the end of today');
    expect(forecastNote({ due_now: 0, due_today: 2, overdue: 0 })).toBe('Today counts 2 reviews due by the end of the day.');
  });
});

describe('regression: a question failed an hour ago shows low recall in every view', () => {
  const qs = [makeQuestion('failed', ['x']), makeQuestion('steady', ['x'])];
  let p = drill(emptyProgress(), 'failed', [3, 3, 3], '2026-11-15T10:00:00Z');
  p = review(p, 'failed', '2026-11-21T08:00:00Z', 1);
  p = drill(p, 'steady', [3, 3], '2026-11-19T10:00:00Z');
  const d = buildReport(qs, p, { now: NOW, offset: PARIS });
  const w = d.weakest.find((x) => x.id === 'failed')!;

  it('is the cause: FSRS counts whole days, so its recall is 100% for a day after any answer', () => {
    expect(retrievability(p.cards.failed, NOW)).toBe(1);
  });

  it('has recall 0 in the data, first among its reasons, and weighs most', () => {
    expect(w).toMatchObject({ retrievability: 0, last_rating: 1, last_review: '2026-11-21T08:00:00.000Z' });
    expect(w.reasons[0]).toBe('recall 0%');
    expect(d.weakest[0]?.id).toBe('failed');
  });

  it('shows the same recall in the terminal and the page, and nowhere 100% for it', () => {
    expect(terminal(d)).toMatch(/^ {2}failed {2}recall 0% · 1 lapse · last: Again$/m);
    const row = /<tr><td><code>failed<\/code>.*?<\/tr>/.exec(renderHtml(d))![0];
    expect(pageText(row)).toContain('recall 0% · 1 lapse · last: Again');
    expect(row).not.toContain('100%');
  });

  it('counts as 0 in its tag mastery too: one definition of recall', () => {
    const steady = retrievability(p.cards.steady, NOW);
    expect(d.tags).toEqual([expect.objectContaining({ tag: 'x', mastery: Math.round((steady / 2) * 1000) / 1000 })]);
  });
});

describe('regression: the leeches in Next agree with the ids in its command', () => {
  const leechy = (n: number) => {
    const qs = Array.from({ length: n + 1 }, (_, i) => makeQuestion(`l${i}`, ['t']));
    let p = emptyProgress();
    for (let i = 0; i < n; i++) p = drill(p, `l${i}`, [1, 1, 1], '2026-11-20T10:00:00Z');
    p = review(p, `l${n}`, '2026-11-20T10:00:00Z', 3);
    return buildReport(qs, p, { now: NOW, offset: PARIS });
  };
  const ids = (command: string) => [...command.matchAll(/--id (\S+)/g)].map((m) => m[1]);

  it('says how many of how many when the command holds only the worst three', () => {
    const d = leechy(6);
    expect(d.leeches).toHaveLength(6);
    const next = d.next[0]!;
    expect(ids(next.command)).toEqual(d.leeches.slice(0, 3).map((l) => l.id));
    expect(next.reason).toMatch(/^the 3 worst of 6 leeches: /);
  });

  it('names the count alone when the command holds them all', () => {
    const d = leechy(2);
    expect(ids(d.next[0]!.command)).toHaveLength(2);
    expect(d.next[0]!.reason).toMatch(/^2 leeches: /);
    expect(leechy(1).next[0]!.reason).toMatch(/^a leech: /);
  });
});

describe('regression: the header shows when the report was made in local time, not an ISO instant', () => {
  it('keeps the local time and its offset in the data', () => {
    expect(localIso(NOW, PARIS)).toBe('2026-11-21T10:00:00+01:00');
    expect(localIso(new Date('2026-11-21T03:00:00.750Z'), () => 300)).toBe('2026-11-20T22:00:00-05:00');
    expect(localIso(NOW, () => -330)).toBe('2026-11-21T14:30:00+05:30');
    expect(madeAt({ generated_local: '2026-11-21T09:00:00+00:00' })).toBe('2026-11-21 09:00 UTC');
  });

  it('prints the same human date and time at the top of the terminal and the page', () => {
    const p = review(emptyProgress(), 'a', '2026-11-20T10:00:00Z', 3);
    const d = buildReport([makeQuestion('a', ['t'])], p, { now: NOW, offset: PARIS });
    expect(d.generated_at).toBe('2026-11-21T09:00:00.000Z');
    expect(d.generated_local).toBe('2026-11-21T10:00:00+01:00');
    expect(terminal(d).split('\n')[0]).toBe('mlquiz report · 2026-11-21 10:00 UTC+01:00');
    const header = /<header>.*<\/header>/.exec(renderHtml(d))![0];
    expect(header).toContain('made <time datetime="2026-11-21T10:00:00+01:00">2026-11-21 10:00 UTC+01:00</time>');
    expect(header).not.toContain('09:00:00');
  });
});

describe('regression: the heatmap is readable and its last month label is not clipped', () => {
  // 2027-03-01 is a Monday: the last week column starts a month, whose name used to run off the edge.
  const MARCH = new Date('2027-03-01T18:00:00Z');
  const qs = [makeQuestion('a', ['t'])];
  const p = review(emptyProgress(), 'a', '2027-02-20T10:00:00Z', 3);
  const heat = (since?: string) => {
    const html = renderHtml(buildReport(qs, p, { now: MARCH, offset: PARIS, ...(since !== undefined && { since }) }));
    const svg =
      /<div class="chart latest"><svg id="heatmap" width="(\d+)" height="\d+" viewBox="[^"]+" style="max-width:(\d+)px;min-width:(\d+)px"[^>]*>(.*?)<\/svg><\/div>/.exec(
        html,
      );
    expect(svg).not.toBeNull();
    const [, width, max, min, body] = svg!;
    const labels = [...body!.matchAll(/<text x="(\d+(?:\.\d+)?)" y="13">([A-Z][a-z]{2})<\/text>/g)].map((m) => ({ x: Number(m[1]), name: m[2] }));
    const cells = [...body!.matchAll(/<rect class="day" x="\d+" y="\d+" width="(\d+)"/g)].map((m) => Number(m[1]));
    return { width: Number(width), max: Number(max), min: Number(min), labels, cells };
  };

  it('leaves room for the last month name at 12 px type', () => {
    const h = heat();
    expect(h.labels.at(-1)).toMatchObject({ name: 'Mar' });
    for (const l of h.labels) expect(l.x + 28).toBeLessThanOrEqual(h.width);
  });

  it('draws 12 weeks with large cells that shrink on a narrow screen, and a year with cells never under 12 px', () => {
    const h = heat();
    expect(h.cells.length).toBe(84 - 6);
    expect(Math.min(...h.cells)).toBeGreaterThanOrEqual(20);
    expect(h.max).toBe(h.width);
    expect(h.min).toBeLessThan(352); // fits a 400 px screen's column
    const year = heat('52w');
    expect(Math.min(...year.cells)).toBeGreaterThanOrEqual(12);
    // Never shrunk below 12 px a week: beyond that the box scrolls, the latest weeks in view.
    expect(year.min / year.width).toBeGreaterThanOrEqual(0.7);
    for (const l of year.labels) expect(l.x + 28).toBeLessThanOrEqual(year.width);
  });
});

describe('the terminal, the JSON and the HTML page show the same figures', () => {
  const TAGS = ['cnn', 'rnn', 'svm'];
  const QS = Array.from({ length: 30 }, (_, i) => makeQuestion(`q${i}`, [TAGS[i % 3]!]));
  const sim = simulate({ questions: QS, reviews: 700, end: new Date('2026-11-21T08:00:00Z'), perDay: 14, seed: 'same', mockEvery: 5 });
  // Two reviews fall due later today and one is overdue, so that the three due figures
  // differ; one question was failed just now.
  const later = new Date(NOW.getTime() + 3 * 3_600_000).toISOString();
  const cards = {
    ...sim.cards,
    q0: { ...sim.cards.q0!, due: later },
    q1: { ...sim.cards.q1!, due: later },
    q3: { ...sim.cards.q3!, due: '2026-11-19T12:00:00Z' },
  };
  let progress: Progress = { ...sim, cards };
  progress = review(progress, 'q2', '2026-11-21T08:30:00Z', 1);
  const data = buildReport(QS, progress, { now: NOW, offset: PARIS });
  const json = JSON.parse(JSON.stringify(data)) as ReportData;
  const term = terminal(json);
  const html = renderHtml(json);
  const page = pageText(html);

  it('has a fixture where every figure is worth comparing', () => {
    expect(json).toEqual(data);
    expect(data.totals.due_today).toBeGreaterThan(data.totals.due_now);
    expect(data.totals.due_now).toBeGreaterThan(0);
    expect(data.totals.overdue).toBeGreaterThan(0);
    expect(data.leeches.length).toBeGreaterThan(0);
    expect(data.weakest.some((w) => w.id === 'q2' && w.retrievability === 0)).toBe(true);
  });

  it('header, totals and due figures', () => {
    const t = json.totals;
    for (const s of [term, page]) expect(s).toContain(madeAt(json));
    expect(term).toContain(`seen        ${t.seen} of ${t.questions} questions (${percent(t.seen / t.questions)})`);
    expect(page).toContain(`Seen ${t.seen} / ${t.questions} ${percent(t.seen / t.questions)} of the questions`);
    expect(term).toContain(`retention   ${percent(t.retention.rate!)} ·`);
    expect(page).toContain(`Retention ${percent(t.retention.rate!)} of ${t.retention.reviews} repeat reviews`);
    expect(term).toContain(`due now     ${t.due_now} · ${dueNowNote(t)}`);
    expect(page).toContain(`Due now ${t.due_now} ${dueNowNote(t)}`);
    for (const s of [flat(term), page]) expect(s).toContain(forecastNote(t));
    expect(term).toMatch(new RegExp(`^ {2}today {3}█+ ${t.due_today} \\(${t.due_now} now`, 'm'));
    expect(html).toContain(`<title>${json.due.days[0]!.date}: ${t.due_today} due`);
  });

  it('mastery and due now per tag', () => {
    for (const r of json.tags) {
      expect(term).toMatch(new RegExp(`^ {2}${r.tag} +${r.questions} +${r.seen} +${r.due} +\\S+ +${percent(r.mastery)}$`, 'm'));
      expect(html).toContain(`<td class="tag">${r.tag}</td><td class="n">${r.questions}</td><td class="n">${r.seen}</td><td class="n">${r.due}</td>`);
      expect(html).toMatch(new RegExp(`aria-label="${r.tag} mastery ${percent(r.mastery)}".*?<span>${percent(r.mastery)}</span>`));
    }
  });

  it('weakest, leeches and next steps', () => {
    for (const w of json.weakest.slice(0, 5)) {
      expect(w.reasons[0]).toBe(`recall ${percent(w.retrievability)}`);
      expect(term).toContain(`  ${w.id}  ${w.reasons.join(' · ')}`);
      expect(page).toContain(`${w.id} ${w.reasons.join(' · ')}`);
    }
    for (const l of json.leeches.slice(0, 8)) {
      expect(term).toContain(`  ${l.id}  ${l.reason}`);
      expect(page).toContain(`${l.id} ${l.reason}`);
    }
    for (const n of json.next) {
      expect(term.replace(/ \\\n +/g, ' ')).toContain(n.command);
      expect(flat(term)).toContain(n.reason);
      expect(page).toContain(`${n.command} ${n.reason}`);
    }
  });
});
