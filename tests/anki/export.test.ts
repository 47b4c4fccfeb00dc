import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnkiCollection } from '../../src/anki/read.js';
import { FIELDS, MODEL_NAME } from '../../src/anki/collection.js';
import type { Progress } from '../../src/progress/schema.js';
import { FIXED_NOW, runCli } from '../cli/harness.js';
import { DAY, env, homeWith, Q1, Q2, tempDir } from './fixtures.js';

const field = (fields: string[], name: (typeof FIELDS)[number]) => fields[FIELDS.indexOf(name)]!;

describe('mlquiz export --anki', () => {
  it('writes one note per question, in a deck per mlquiz deck, with tags, guids from the ids and the note type', async () => {
    const out = join(tempDir('export'), 'reg.apkg');
    const r = await runCli(['export', '--anki', out, '--tag', 'regularization']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const list = JSON.parse((await runCli(['list', '--json', '--tag', 'regularization'])).out) as { id: string; deck: string }[];
    expect(r.out).toMatch(new RegExp(`^Wrote ${list.length} notes in 1 deck to `));
    const col = await readAnkiCollection(out);
    expect(col.schema).toBe(11);
    expect(col.notes.map((n) => n.guid).sort()).toEqual(list.map((q) => `mlquiz:${q.id}`).sort());
    const note = col.notes.find((n) => n.guid === `mlquiz:${Q1}`)!;
    expect(note.model).toBe(MODEL_NAME);
    expect(note.fieldNames).toEqual([...FIELDS]);
    expect(note.deck).toBe(`mlquiz::${list[0]!.deck}`);
    expect(note.tags).toContain('mlquiz::regularization');
    expect(field(note.fields, 'mlquiz id')).toBe(Q1);
    expect(field(note.fields, 'Key points')).toMatch(/^<li>.+<\/li>$/);
    // A new card for every note without --with-progress, and no review.
    expect(col.cards.every((c) => c.type === 0 && c.reps === 0)).toBe(true);
    expect(col.revlog).toEqual([]);
  });

  it('gives the same guids and note type id on a second export, and refuses without a file', async () => {
    const dir = tempDir('twice');
    await runCli(['export', '--anki', join(dir, 'a.apkg'), '--tag', 'regularization']);
    await runCli(['export', '--anki', join(dir, 'b.apkg'), '--tag', 'regularization'], { now: () => new Date(FIXED_NOW.getTime() + DAY) });
    const [a, b] = [await readAnkiCollection(join(dir, 'a.apkg')), await readAnkiCollection(join(dir, 'b.apkg'))];
    expect(b.notes.map((n) => n.guid)).toEqual(a.notes.map((n) => n.guid));
    const none = await runCli(['export']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/--anki/);
  });

  it('--with-progress carries each card’s schedule, FSRS state and reviews as revlog rows', async () => {
    const { dir, progress } = homeWith([
      [Q1, 72, 3],
      [Q1, 24, 3],
      [Q2, 48, 1],
    ]);
    const out = join(dir, 'p.apkg');
    const r = await runCli(['export', '--anki', out, '--tag', 'regularization', '--with-progress'], env(dir));
    expect(r.out).toMatch(/with 3 reviews/);
    const col = await readAnkiCollection(out);
    const cardOf = (q: string) => col.cards.find((c) => c.nid === col.notes.find((n) => n.guid === `mlquiz:${q}`)!.id)!;
    const stored = (progress as Progress).cards[Q1]!;
    const c1 = cardOf(Q1);
    expect(c1).toMatchObject({ type: 2, queue: 2, reps: 2, lapses: 0 });
    const crtDay = Math.floor(FIXED_NOW.getTime() / DAY);
    expect(c1.due).toBe(Math.floor(Date.parse(stored.due) / DAY) - crtDay);
    expect(JSON.parse(c1.data)).toMatchObject({ s: Number(stored.stability.toFixed(4)), d: Number(stored.difficulty.toFixed(3)) });
    const revs = col.revlog.filter((e) => e.cid === c1.id);
    expect(revs.map((e) => e.id)).toEqual(progress.reviews.filter((x) => x.question === Q1).map((x) => Date.parse(x.at)));
    expect(revs.map((e) => [e.ease, e.type, e.time])).toEqual([
      [3, 0, 20_000],
      [3, 1, 20_001],
    ]);
    expect(revs[1]!.lastIvl).toBe(revs[0]!.ivl);
    expect(cardOf(Q2)).toMatchObject({ type: 2, reps: 1 });
  });

  it('gives a choice question its choices and the right one, a numeric question its value, with formulas as MathJax; --deck chooses', async () => {
    const dir = tempDir('types');
    const out = join(dir, 'types.apkg');
    await runCli(['export', '--anki', out, '--tag', 'regularization']);
    const choice = (await readAnkiCollection(out)).notes.find((n) => n.guid === 'mlquiz:reg-sparsity-penalty-choice')!;
    expect(field(choice.fields, 'Choices')).toBe(
      '<li>L2 (ridge)</li><li>L1 (lasso)</li><li>No penalty, just collect more data</li><li>Dropout on the input layer</li>',
    );
    expect(field(choice.fields, 'Answer')).toMatch(/^<p><b>Correct:<\/b> B\. L1 \(lasso\)<\/p><p>L1 \(lasso\)\. Its kink/);
    const decks = join(dir, 'deck.apkg');
    const r = await runCli(['export', '--anki', decks, '--deck', 'Classical models (SVM, kNN, Naive Bayes, GDA)']);
    expect(r.out).toMatch(/ in 1 deck /);
    const numeric = (await readAnkiCollection(decks)).notes.find((n) => n.guid === 'mlquiz:clf-svm-margin-width')!;
    expect(numeric.deck).toBe('mlquiz::Classical models (SVM, kNN, Naive Bayes, GDA)');
    expect(field(numeric.fields, 'Answer')).toMatch(/^<p><b>Value:<\/b> 0\.4 ± 0\.001<\/p>/);
    expect(field(numeric.fields, 'Prompt')).toContain('\\(w = (3, 4)\\)');
    expect(field(numeric.fields, 'Answer')).toContain('\\(2/\\|w\\| = 2/\\sqrt{3^2 + 4^2} = 2/5 = 0.4\\)');
  });

  it('escapes bank text: markup from a bank reaches Anki as text, formulas as MathJax', async () => {
    const dir = tempDir('hostile');
    const bank = join(dir, 'bank.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      bank,
      [
        'deck: Hostile::Deck',
        'questions:',
        '  - id: hostile-one',
        '    prompt: "What is <script>alert(1)</script> $\\\\sigma(x) < 1$?"',
        '    answer: "<img src=x onerror=alert(1)> See [here](javascript:alert(1)) and $$\\\\frac{a}{b}$$ and `$x$`."',
        '    key_points: ["<b>bold</b> point", "second $a<b$"]',
        '    tags: [hostile]',
        '    difficulty: easy',
      ].join('\n'),
    );
    const out = join(dir, 'h.apkg');
    const r = await runCli(['export', '--anki', out, '--bank', bank, '--tag', 'hostile']);
    expect(r.err).toBe('');
    const [note] = (await readAnkiCollection(out)).notes;
    const all = note!.fields.join('\n');
    expect(all).not.toMatch(/<(script|img|b)[\s>]/);
    expect(all).not.toMatch(/javascript:/);
    expect(field(note!.fields, 'Prompt')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(field(note!.fields, 'Prompt')).toContain('\\(\\sigma(x) &lt; 1\\)');
    expect(field(note!.fields, 'Answer')).toContain('\\[\\frac{a}{b}\\]');
    expect(field(note!.fields, 'Answer')).toContain('<code>$x$</code>');
    expect(field(note!.fields, 'Key points')).toBe('<li>&lt;b&gt;bold&lt;/b&gt; point</li><li>second \\(a&lt;b\\)</li>');
    expect(note!.deck).toBe('mlquiz::Hostile:Deck');
    expect(existsSync(out)).toBe(true);
  });
});
