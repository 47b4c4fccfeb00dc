import { DEFAULT_DAY_START, personDay, systemOffset } from '../../src/engine/days.js';
import { replayCards } from '../../src/engine/replay.js';
import { schedulingOf } from '../../src/engine/schedule.js';
import { storedProgress } from '../cli/harness.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envFlag } from '../../src/cli/context.js';
import type { Progress } from '../../src/progress/schema.js';
import { FIXED_NOW, runCli, SHIPPED } from '../cli/harness.js';
import { DAY, env, HOUR, homeWith, Q1, Q2, tempDir } from '../anki/fixtures.js';
import { readAnkiCollection } from '../../src/anki/read.js';
import { createRng } from '../../src/engine/rng.js';

/*
 * The exported packages checked by Anki's own library (the `anki` package on PyPI), in
 * the virtual environment that .ci/run makes. In CI a missing library fails these
 * tests; elsewhere they are skipped until the environment is made (see .ci/run).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const PYTHON = process.env.MLQUIZ_ORACLE_PYTHON || join(ROOT, '.venv-oracle/bin/python');
const HAVE = existsSync(PYTHON);
const CI = envFlag(process.env.CI);

function oracle<T>(script: string, ...args: string[]): T {
  const out = execFileSync(PYTHON, [join(import.meta.dirname, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 120_000 });
  return JSON.parse(out) as T;
}

interface Imported {
  logs: { new: number; updated: number; duplicate: number }[];
  notes: {
    guid: string;
    model: string;
    fields: Record<string, string>;
    tags: string[];
    cards: {
      deck: string;
      type: number;
      days_until_due: number | null;
      ivl: number;
      reps: number;
      lapses: number;
      memory: { s: number; d: number } | null;
      revlog: number;
      front: string;
      back: string;
    }[];
  }[];
  revlog: number;
}

describe.skipIf(!HAVE && !CI)("Anki's own library", { timeout: 120_000 }, () => {
  it('is installed (.ci/run makes .venv-oracle; MLQUIZ_ORACLE_PYTHON may name another)', () => {
    expect(HAVE, `no Python with Anki's library at ${PYTHON}`).toBe(true);
  });

  it('imports the export: notes, fields, tags, decks; a second export after an edit updates the notes instead of adding copies', async () => {
    const dir = tempDir('oracle');
    const a = join(dir, 'a.apkg');
    const b = join(dir, 'b.apkg');
    const list = JSON.parse((await runCli(['list', '--json', '--tag', 'regularization'])).out) as { id: string; deck: string; prompt: string }[];
    await runCli(['export', '--anki', a, '--tag', 'regularization']);
    // The same bank, one answer edited, exported a day later.
    const edited = join(dir, 'banks');
    mkdirSync(edited);
    const bank = readFileSync(join(SHIPPED, 'regularization.yaml'), 'utf8');
    writeFileSync(join(edited, 'regularization.yaml'), bank.replace(/(\n {4}answer: [|>]-?\n)/, '$1      Edited after the first export.\n'));
    const later = { now: () => new Date(FIXED_NOW.getTime() + DAY), shippedBanks: edited };
    expect((await runCli(['export', '--anki', b, '--tag', 'regularization'], later)).code).toBe(0);
    const got = oracle<Imported>('anki_import.py', a, b);
    expect(got.logs[0]).toEqual({ new: list.length, updated: 0, duplicate: 0 });
    // The same guids: the second package adds no note, and the edited one is updated in place.
    expect(got.logs[1]!.new).toBe(0);
    expect(got.logs[1]!.updated).toBeGreaterThanOrEqual(1);
    expect(got.notes).toHaveLength(list.length);
    expect(got.notes.filter((n) => n.fields.Answer!.includes('Edited after the first export.'))).toHaveLength(1);
    expect(got.notes.map((n) => n.guid).sort()).toEqual(list.map((q) => `mlquiz:${q.id}`).sort());
    const note = got.notes.find((n) => n.guid === `mlquiz:${Q1}`)!;
    expect(note.model).toBe('mlquiz question');
    expect(Object.keys(note.fields)).toEqual(['Prompt', 'Choices', 'Answer', 'Key points', 'Follow-ups', 'Source', 'mlquiz id']);
    expect(note.fields['mlquiz id']).toBe(Q1);
    expect(note.tags).toEqual(['mlquiz::regularization']);
    expect(note.cards.map((c) => c.deck)).toEqual([`mlquiz::${list[0]!.deck}`]);
    expect(note.cards[0]).toMatchObject({ type: 0, reps: 0, revlog: 0 });
    // Anki renders the templates: the prompt in front; the answer, key points and follow-ups behind.
    const { front, back } = note.cards[0]!;
    expect(front).toContain(note.fields.Prompt);
    expect(front).not.toContain(note.fields.Answer);
    expect(back).toContain(note.fields.Answer);
    expect(back).toContain(`<h4>Key points</h4><ul class="checklist">${note.fields['Key points']}</ul>`);
    expect(back).toContain(`<h4>Follow-ups</h4><ul class="follow-ups">${note.fields['Follow-ups']}</ul>`);
    const choice = got.notes.find((n) => n.guid === 'mlquiz:reg-sparsity-penalty-choice')!.cards[0]!;
    expect(choice.front).toContain('<ol class="choices" type="A"><li>L2 (ridge)</li>');
    expect(front).not.toContain('class="choices"');
  });

  it('with --with-progress the cards keep their due dates, review counts and FSRS state, and the revlog its reviews', async () => {
    const now = Date.now();
    // Hours before FIXED_NOW, moved so that the reviews end an hour ago on the real clock, which Anki counts days by.
    const back = (FIXED_NOW.getTime() - now) / HOUR;
    const { dir, progress } = homeWith([
      [Q1, back + 200, 3],
      [Q1, back + 50, 3],
      [Q2, back + 30, 1],
      [Q2, back + 1, 3],
    ]);
    const out = join(dir, 'p.apkg');
    await runCli(['export', '--anki', out, '--tag', 'regularization', '--with-progress'], { ...env(dir), now: () => new Date(now) });
    const got = oracle<Imported>('anki_import.py', out);
    expect(got.revlog).toBe(4);
    const today = Math.floor(now / DAY);
    for (const q of [Q1, Q2]) {
      const card = got.notes.find((n) => n.guid === `mlquiz:${q}`)!.cards[0]!;
      // The CLI's cards: replayed on the person's days (from 4 a.m.), as the export reads them.
      const stored = replayCards((progress as Progress).reviews, schedulingOf(progress as Progress, personDay(systemOffset, DEFAULT_DAY_START)))[q]!;
      expect(card).toMatchObject({ type: 2, reps: stored.reps, lapses: stored.lapses, revlog: stored.reps });
      // Anki counts days from its own day start (4 am local): a due date may fall a day either side.
      expect(Math.abs(card.days_until_due! - (Math.floor(Date.parse(stored.due) / DAY) - today))).toBeLessThanOrEqual(1);
      expect(card.memory!.s).toBeCloseTo(stored.stability, 2);
      expect(card.memory!.d).toBeCloseTo(stored.difficulty, 2);
    }
  });

  it('reviews made in Anki of exported notes come back through import-anki, exactly those, once (.colpkg, .apkg, and .apkg for older Anki)', async () => {
    const dir = tempDir('oracle-reviews');
    const apkg = join(dir, 'mlquiz.apkg');
    await runCli(['export', '--anki', apkg, '--tag', 'regularization']);
    const colpkg = join(dir, 'phone.colpkg');
    const back = join(dir, 'phone.apkg');
    const legacy = join(dir, 'phone-legacy.apkg');
    const made = oracle<{ guid: string; id: number; ease: number; time: number }[]>('anki_review.py', apkg, colpkg, back, legacy);
    expect(made).toHaveLength(5);
    const home = tempDir('oracle-home');
    const r = await runCli(['import-anki', colpkg], env(home));
    expect(r.err).toBe('');
    expect(r.out).toMatch(/notes from mlquiz, 1 other note\.\nAdded 5 reviews made in Anki; 4 cards rebuilt\./);
    expect(r.out).toMatch(/Left out 1 revlog entry with no answer/);
    const p = storedProgress(home);
    const key = (q: string, at: number, rating: number, ms: number) => `${q} ${new Date(at).toISOString()} ${rating} ${ms}`;
    expect(p.reviews.map((x) => key(x.question, Date.parse(x.at), x.rating, x.duration_ms)).sort()).toEqual(
      made.map((m) => key(m.guid.replace(/^mlquiz:/, ''), m.id, m.ease, m.time)).sort(),
    );
    expect(p.reviews.every((x) => x.session === 'anki-import')).toBe(true);
    for (const file of [back, legacy]) {
      const again = await runCli(['import-anki', file, '--json'], env(home));
      expect(JSON.parse(again.out)).toMatchObject({ added: 0, known: 5, skipped: 1, written: false, notes: { other: 1 } });
    }
    // The person's own Basic note, made in Anki, becomes a bank that validate accepts.
    const bank = join(home, 'own-bank');
    const made2 = await runCli(['import', colpkg, '--out', bank], env(home));
    expect(made2.code).toBe(0);
    expect(made2.out).toMatch(/Wrote 1 question to .*own-notes\.yaml/);
    const listed = JSON.parse((await runCli(['list', '--json', '--bank', bank, '--deck', 'Own notes'], env(home))).out) as { prompt: string }[];
    expect(listed.map((q) => q.prompt)).toEqual(['What is a p-value?']);
    expect((await runCli(['validate', bank], env(home))).code).toBe(0);
  });

  it('the FSRS state that --with-progress carries is what the reference FSRS (py-fsrs) computes from the same reviews', async () => {
    const rng = createRng('fsrs-oracle');
    const list = JSON.parse((await runCli(['list', '--json', '--tag', 'regularization'])).out) as { id: string }[];
    // Whole days between reviews: ts-fsrs counts calendar days and py-fsrs whole 24 hours, which agree then.
    const reviews: [string, number, 1 | 2 | 3 | 4][] = [];
    for (const { id } of list.slice(0, 12)) {
      let days = 400;
      for (let i = 0; i < 8 && days > 0; i++, days -= 1 + Math.floor(rng() * 40)) reviews.push([id, days * 24, (1 + Math.floor(rng() * 4)) as 1 | 2 | 3 | 4]);
    }
    const { dir, progress } = homeWith(reviews);
    const out = join(dir, 'fsrs.apkg');
    await runCli(['export', '--anki', out, '--tag', 'regularization', '--with-progress'], env(dir));
    const histories: Record<string, [string, number][]> = {};
    for (const r of progress.reviews) (histories[r.question] ??= []).push([r.at, r.rating]);
    const reference = JSON.parse(
      execFileSync(PYTHON, [join(import.meta.dirname, 'fsrs_replay.py')], { input: JSON.stringify(histories), encoding: 'utf8', timeout: 120_000 }),
    ) as Record<string, { s: number; d: number; due: string }>;
    const col = await readAnkiCollection(out);
    const questions = Object.keys(histories);
    expect(questions.length).toBe(12);
    for (const q of questions) {
      const nid = col.notes.find((n) => n.guid === `mlquiz:${q}`)!.id;
      const card = col.cards.find((c) => c.nid === nid)!;
      const data = JSON.parse(card.data) as { s: number; d: number };
      // Anki keeps stability to 4 places and difficulty to 3.
      expect(Math.abs(data.s - reference[q]!.s)).toBeLessThanOrEqual(1e-4 + 1e-6 * reference[q]!.s);
      expect(Math.abs(data.d - reference[q]!.d)).toBeLessThanOrEqual(1e-3);
      expect(progress.cards[q]!.due).toBe(new Date(reference[q]!.due).toISOString());
      expect(card.due).toBe(Math.floor(Date.parse(reference[q]!.due) / DAY) - Math.floor(FIXED_NOW.getTime() / DAY));
    }
  });
});
