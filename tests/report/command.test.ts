import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colours } from '../../src/format/colour.js';
import { fixtureDir } from '../bank/helpers.js';
import { runCli } from '../cli/harness.js';
import { makeQuestion, simulate } from './fixtures.js';

// A bank of its own instead of the shipped ones, which grow while this test must not move.
const TAGS = ['cnn', 'rnn', 'svm'];
const BANK = `deck: Demo
questions:
${Array.from({ length: 30 }, (_, i) => `  - id: q${i}\n    prompt: Question ${i}?\n    answer: An answer.\n    key_points: [one, two]\n    tags: [${TAGS[i % 3]}]\n`).join('')}`;
const QS = Array.from({ length: 30 }, (_, i) => makeQuestion(`q${i}`, [TAGS[i % 3]!]));

function setup(withProgress = true) {
  const banks = fixtureDir({ 'demo.yaml': BANK });
  const home = mkdtempSync(join(tmpdir(), 'mlq-report-'));
  if (withProgress) {
    const p = simulate({ questions: QS, reviews: 600, end: new Date('2026-11-21T08:00:00Z'), perDay: 12, seed: 'cmd', mockEvery: 4 });
    writeFileSync(join(home, 'progress.json'), JSON.stringify(p));
  }
  const run = (argv: string[], env: Record<string, string> = { NO_COLOR: '1' }) =>
    runCli(['report', ...argv], { shippedBanks: banks, env: { MLQUIZ_HOME: home, MLQUIZ_NO_CACHE: '1', ...env } });
  return { home, run };
}

describe('mlquiz report', () => {
  it('--json prints one document with every part of the report', async () => {
    const { run } = setup();
    const { code, out, err } = await run(['--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const d = JSON.parse(out);
    for (const k of ['totals', 'tags', 'weakest', 'leeches', 'activity', 'due', 'mocks', 'next']) expect(d).toHaveProperty(k);
    expect(d.totals).toMatchObject({ questions: 30, reviews: 600 });
    expect(d.tags.map((t: { tag: string }) => t.tag)).toEqual(TAGS);
    expect(d.tags[0]).toEqual({ tag: 'cnn', questions: 10, seen: expect.any(Number), due: expect.any(Number), mastery: expect.any(Number) });
    expect(d.due.days).toHaveLength(14);
    expect(d.mocks.rounds.length).toBeGreaterThan(0);
    expect(d.next.length).toBeGreaterThan(0);
  });

  it('prints a plain report under NO_COLOR', async () => {
    const { run } = setup();
    const { code, out } = await run([]);
    expect(code).toBe(0);
    expect(out).not.toContain('\u001b[');
    expect(out).toContain('Mastery by tag');
    expect(out).toContain('Due in the next 14 days');
  });

  it('--tag narrows the rows; an unknown tag is a usage error listing the tags', async () => {
    const { run } = setup();
    const d = JSON.parse((await run(['--json', '--tag', 'rnn'])).out);
    expect(d.tags.map((t: { tag: string }) => t.tag)).toEqual(['rnn']);
    expect(d.totals.questions).toBe(10);
    const bad = await run(['--tag', 'lstm']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown tag "lstm"\. Tags: cnn, rnn, svm/);
  });

  it('--since sets the window, and a bad one exits 2 with a one-line reason', async () => {
    const { run } = setup();
    const d = JSON.parse((await run(['--json', '--since', '2w'])).out);
    expect(d.activity.from).toBe('2026-11-08');
    expect(d.activity.days).toHaveLength(14);
    const bad = await run(['--since', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('mlquiz: --since yesterday: expected a number of days or weeks (30d, 12w) or a date (2026-10-01)\n');
  });

  it('--html writes the page and says where; with --json stdout stays pure JSON', async () => {
    const { home, run } = setup();
    const file = join(home, 'report.html');
    const r = await run(['--html', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`HTML report written to ${file}`);
    expect(readFileSync(file, 'utf8')).toContain('<svg id="heatmap"');
    const file2 = join(home, 'again.html');
    const j = await run(['--json', '--html', file2]);
    expect(() => JSON.parse(j.out)).not.toThrow();
    expect(existsSync(file2)).toBe(true);
  });

  it('--html into a missing folder exits 2 and says so', async () => {
    const { home, run } = setup();
    const r = await run(['--html', join(home, 'nope', 'r.html')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope\/r\.html: cannot write the HTML report \(ENOENT\); does the folder exist\?/);
  });

  it('greets an empty progress file', async () => {
    const { run } = setup(false);
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Welcome! No answers graded yet');
    expect(JSON.parse((await run(['--json'])).out).next[0].command).toBe('mlquiz run');
  });

  it('a broken progress file stops with the file named and is left alone', async () => {
    const { home, run } = setup(false);
    writeFileSync(join(home, 'progress.json'), '{"version": 1, "cards": {}, "reviews": [{"question": 3}], "sessions": []}');
    const r = await run(['--json']);
    expect(r.code).toBe(2);
    // --json error paths print the error as JSON on stdout too (issue 8, item 10).
    expect(JSON.parse(r.out).error).toMatchObject({ code: 2, message: expect.stringContaining(join(home, 'progress.json')) });
    expect(r.err).toContain(join(home, 'progress.json'));
  });

  it('prints the same report whether its caches are warm, stale or absent, as reviews arrive from two machines', async () => {
    const banks = fixtureDir({ 'demo.yaml': BANK });
    const home = mkdtempSync(join(tmpdir(), 'mlq-report-cache-'));
    const p = simulate({ questions: QS, reviews: 300, end: new Date('2026-11-20T08:00:00Z'), perDay: 12, seed: 'cache', mockEvery: 4 });
    writeFileSync(join(home, 'progress.json'), JSON.stringify(p));
    const now = new Date('2026-11-21T10:00:00Z');
    const report = async (cached: boolean) => {
      const env: Record<string, string> = { MLQUIZ_HOME: home, NO_COLOR: '1', ...(cached ? {} : { MLQUIZ_NO_CACHE: '1' }) };
      const r = await runCli(['report', '--json'], { shippedBanks: banks, env, now: () => now });
      expect(r.code).toBe(0);
      return JSON.parse(r.out);
    };
    expect(await report(true)).toEqual(await report(false));
    // More answers on this machine and a journal from another: the caches are carried on.
    for (const [device, minute] of [
      ['laptop', 10],
      ['desktop', 20],
      ['laptop', 30],
    ] as const) {
      const more = simulate({
        questions: QS,
        reviews: 20,
        end: new Date(now.getTime() - 3_600_000 + minute * 60_000),
        perDay: 20,
        seed: `${device}-${minute}`,
        mockEvery: 0,
      });
      const lines = more.reviews.map((r) =>
        JSON.stringify({ review: { ...r, id: `${device}${minute}x${r.at.slice(11, 19).replace(/:/g, '')}${r.question}`.slice(0, 64) } }),
      );
      const file = join(home, 'journal', `${device}.jsonl`);
      mkdirSync(join(home, 'journal'), { recursive: true });
      if (!existsSync(file)) writeFileSync(file, `${JSON.stringify({ mlquiz: 'journal', version: 4, device })}\n`);
      appendFileSync(file, lines.join('\n') + '\n');
      expect(await report(true)).toEqual(await report(false));
    }
    expect(readdirSync(join(home, 'cache')).some((f) => f.startsWith('recalls-'))).toBe(true);
  });
});

describe('colours', () => {
  const tty = { isTTY: true } as never;
  const pipe = { isTTY: false } as never;
  it('follows NO_COLOR and FORCE_COLOR, and the terminal otherwise', () => {
    expect(colours({ env: { NO_COLOR: '1' }, stdout: tty }).level).toBe(0);
    expect(colours({ env: {}, stdout: pipe }).level).toBe(0);
    expect(colours({ env: {}, stdout: tty }).level).toBeGreaterThan(0);
    expect(colours({ env: { FORCE_COLOR: '1', NO_COLOR: '1' }, stdout: pipe }).level).toBe(1);
    expect(colours({ env: { FORCE_COLOR: '0' }, stdout: tty }).level).toBe(0);
  });
});
