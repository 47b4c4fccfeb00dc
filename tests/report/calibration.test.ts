import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { calibration } from '../../src/engine/calibration.js';
import { UTC } from '../../src/engine/days.js';
import { buildReport } from '../../src/report/build.js';
import { CALIBRATION_MIN, calibrationNote } from '../../src/report/render-calibration.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderTerminal } from '../../src/report/render-terminal.js';
import { makeQuestion, simulate } from './fixtures.js';

const NOW = new Date('2026-11-21T09:00:00.000Z');
const plain = new Chalk({ level: 0 });
const questions = Array.from({ length: 80 }, (_, i) => makeQuestion(`q-${i}`, [i % 2 ? 'cnn' : 'stats']));

describe('calibration in the report (issue 12, item 6)', () => {
  const progress = simulate({ questions, reviews: 1500, end: NOW, perDay: 25, seed: 'calibration' });
  const d = buildReport(questions, progress, { now: NOW, offset: UTC });

  it('is the engine figure, rounded once, under the key calibration', () => {
    const k = calibration(progress.reviews, NOW);
    expect(d.calibration.reviews).toBe(k.reviews);
    expect(d.calibration.rmse_bins).toBeCloseTo(k.rmse_bins!, 3);
    expect(d.calibration.bins.map((b) => b.reviews)).toEqual(k.bins.map((b) => b.reviews));
    expect(JSON.parse(JSON.stringify(d)).calibration.recent.desired).toBe(0.9);
  });

  it('says the same in the terminal and on the page: the note, then a row per bin', () => {
    const note = calibrationNote(d.calibration);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    expect(flat(renderTerminal(d, { width: 100, chalk: plain }))).toContain(flat(note));
    const page = renderHtml(d);
    expect(page).toContain('<section id="calibration">');
    expect(flat(page.replace(/<[^>]+>/g, ' '))).toContain(flat(note));
    for (const b of d.calibration.bins) expect(page).toContain(`<td class="n">${b.reviews}</td>`);
  });

  it('with too few reviews says how many it needs instead of showing bins', () => {
    const small = simulate({ questions, reviews: 40, end: NOW, perDay: 20, seed: 'few' });
    const k = buildReport(questions, small, { now: NOW, offset: UTC }).calibration;
    expect(k.reviews).toBeLessThan(CALIBRATION_MIN);
    expect(calibrationNote(k)).toMatch(/calibration needs about 50 to say anything/);
  });
});
