import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/progress/schema.js';
import { buildReport } from '../../src/report/build.js';
import { UTC } from '../../src/engine/days.js';
import { renderHtml } from '../../src/report/render-html.js';
import { heatmap, renderTerminal, scoreSparkline } from '../../src/report/render-terminal.js';
import { bar } from '../../src/format/chart.js';
import type { Activity } from '../../src/report/types.js';
import { makeQuestion, simulate } from './fixtures.js';

const NOW = new Date('2026-11-21T21:00:00Z');
const TAGS = ['cnn', 'regularization', 'transformers', 'probability', 'a-rather-long-tag-name-for-layout'];
const QS = Array.from({ length: 60 }, (_, i) =>
  makeQuestion(`q-${TAGS[i % 5]}-${i}`, [TAGS[i % 5]!], { prompt: `Question ${i}: why does $\\alpha$ matter in <this> & that? ${'words '.repeat(20)}` }),
);
const progress = simulate({ questions: QS, reviews: 1500, end: new Date('2026-11-21T20:00:00Z'), perDay: 20, seed: 'render', mockEvery: 6 });
const data = buildReport(QS, progress, { now: NOW, offset: UTC });
const plain = new Chalk({ level: 0 });
const ESC = '\u001b[';

describe('renderTerminal', () => {
  it('shows every part of the report', () => {
    const s = renderTerminal(data, { width: 100, chalk: plain });
    for (const h of ['Totals', 'Mastery by tag', 'Weakest questions', 'Activity', 'Due in the next 14 days', 'Mock rounds', 'Next'])
      expect(s).toContain(`\n${h}`);
    expect(s).toMatch(/seen {8}\d+ of 60 questions/);
    expect(s).toMatch(/retention {3}\d+% · Good\/Easy, \d+ repeats since 2026-10-23/);
    for (const t of TAGS) expect(s).toContain(t);
    expect(s).toContain(data.weakest[0]!.id);
    expect(s).toContain(data.next[0]!.command);
    expect(s).toMatch(/best {4}\d+ on 2026-/);
    // Formulas in prompts read as Unicode.
    expect(s).toContain('why does α matter');
  });

  it('fits 60 columns and has no escape codes when colour is off', () => {
    // The widest forecast line: a four-digit day with overdue reviews.
    const busy = {
      ...data,
      totals: { ...data.totals, due_now: 9000, due_today: 9999, overdue: 1234 },
      due: { overdue: 1234, days: data.due.days.map((d, i) => (i === 0 ? { ...d, reviews: 9999 } : d)) },
    };
    const s = renderTerminal(busy, { width: 60, chalk: plain });
    expect(s).toContain('9999 (9000 now, 1234 overdue)');
    expect(s).not.toContain(ESC);
    const wide = s.split('\n').filter((l) => [...l].length > 60);
    expect(wide).toEqual([]);
  });

  it('colours when asked to', () => {
    expect(renderTerminal(data, { width: 80, chalk: new Chalk({ level: 1 }) })).toContain(ESC);
  });

  it('greets a first day with what to do, not with empty charts', () => {
    const s = renderTerminal(buildReport(QS, emptyProgress(), { now: NOW, offset: UTC }), { width: 60, chalk: plain });
    expect(s).toContain('Welcome! No answers graded yet');
    expect(s).toContain('60 questions in 5 tags');
    expect(s).toContain('mlquiz run');
    expect(s).not.toContain('Activity');
  });
});

describe('terminal charts', () => {
  it('draws mastery bars in eighths, always the full width', () => {
    expect(bar(0, 8, plain)).toBe('········');
    expect(bar(1, 8, plain)).toBe('████████');
    expect(bar(0.5, 8, plain)).toBe('████····');
    expect(bar(0.0625, 8, plain)).toBe('▌·······');
    expect(bar(0.999, 4, plain)).toBe('████');
  });

  it('scores sparkline on a fixed 0-100 scale', () => {
    expect(scoreSparkline([0, 50, 100, 90])).toBe('▁▅██');
  });

  it('draws the heatmap as seven weekday rows of week columns, oldest dropped when narrow', () => {
    const days = Array.from({ length: 40 * 7 }, (_, i) => {
      const date = new Date(Date.parse('2026-02-16T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10);
      return { date, reviews: i % 3, level: (i % 3 ? 2 : 0) as 0 | 2 };
    });
    const a: Activity = { from: days[0]!.date, to: days.at(-1)!.date, days, max: 2 };
    const rows = heatmap(a, 60, plain);
    expect(rows).toHaveLength(9);
    expect(rows[1]?.startsWith('Mon ')).toBe(true);
    expect(rows[7]?.startsWith('Sun ')).toBe(true);
    // (60 - 6) / 2 = 27 weeks fit.
    expect(rows[1]?.slice(4).split(' ')).toHaveLength(27);
    expect(rows[8]).toContain('13 older weeks not shown');
    expect(rows[0]).toMatch(/[A-Z][a-z]{2}/);
  });
});

describe('renderHtml', () => {
  const html = renderHtml(data);

  it('is one self-contained page: no script, no link, no external resource', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|\b(src|href)=|url\(|@import/i);
  });

  it('draws the charts as inline SVG, one mark per datum', () => {
    const count = (re: RegExp) => (html.match(re) ?? []).length;
    expect(html).toContain('<svg id="heatmap"');
    expect(count(/<rect class="day"/g)).toBe(data.activity.days.length);
    expect(count(/<rect class="due"/g)).toBe(14);
    expect(count(/<circle class="mock"/g)).toBe(data.mocks.rounds.filter((r) => r.score !== null).length);
    expect(count(/<svg class="mastery-bar"/g)).toBe(data.tags.length);
  });

  it('escapes the text it shows', () => {
    expect(html).toContain('in &#60;this&#62; &#38; that');
    expect(html).not.toContain('<this>');
  });

  it('welcomes a first day', () => {
    const first = renderHtml(buildReport(QS, emptyProgress(), { now: NOW, offset: UTC }));
    expect(first).toContain('No answers graded yet');
    expect(first).toContain('<code>mlquiz run</code>');
  });
});
