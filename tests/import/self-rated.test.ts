import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBanks } from '../../src/bank/load.js';
import { isParsedBank } from '../../src/bank/cache-check.js';
import { parseBankFile } from '../../src/bank/parse-file.js';
import { gradeAnswer } from '../../src/session/grading.js';
import type { Prompter } from '../../src/session/prompter.js';
import type { Rating } from '../../src/engine/rating.js';
import { fixtureDir } from '../bank/helpers.js';
import { SHIPPED } from '../cli/harness.js';
import { q } from '../engine/fixtures.js';

const bank = (question: string) => `deck: Imported\nquestions:\n  - id: x\n    prompt: What is bias?\n    answer: Error from wrong assumptions.\n${question}`;
const messages = (yaml: string) => parseBankFile('b.yaml', new TextEncoder().encode(yaml)).diagnostics.map((d) => `${d.severity} ${d.path}: ${d.message}`);

describe('self_rated: an open question without key points', () => {
  it('loads with a warning, not an error, and is marked on the question', () => {
    const parsed = parseBankFile('b.yaml', new TextEncoder().encode(bank('    self_rated: true\n')));
    expect(parsed.questions[0]).toMatchObject({ id: 'x', key_points: [], self_rated: true });
    expect(messages(bank('    self_rated: true\n'))).toEqual([
      'warning questions[0].self_rated: self-rated: no key points, so it is practised by rating alone (add 2 to 6 key points and drop self_rated for a checklist)',
    ]);
    expect(isParsedBank(parsed)).toBe(true);
  });

  it('without the marker an open question still needs 2 to 6 key points; false is no marker', () => {
    expect(messages(bank(''))).toEqual(['error questions[0].key_points: an open question needs 2 to 6 key points']);
    expect(messages(bank('    self_rated: false\n'))).toEqual(['error questions[0].key_points: an open question needs 2 to 6 key points']);
  });

  it('is refused with key points, on choice questions, and as anything but a boolean', () => {
    expect(messages(bank('    self_rated: true\n    key_points: [a, b]\n'))).toEqual([
      'error questions[0].key_points: a self-rated question has no key points: remove self_rated or the key points',
    ]);
    expect(messages(bank('    self_rated: true\n    type: choice\n    choices: [a, b]\n    correct: 0\n'))).toEqual([
      'error questions[0].self_rated: only an open question can be self-rated; a choice question is graded',
    ]);
    expect(messages(bank('    self_rated: "yes"\n    key_points: [a, b]\n'))).toEqual(['error questions[0].self_rated: must be a boolean, found string']);
  });

  it('works in a Markdown bank through the metadata block', () => {
    const md = '---\ndeck: Notes\n---\n\n## What is bias?\n\n<!-- id: bias\nself_rated: true -->\n\nError from wrong assumptions.\n';
    const parsed = parseBankFile('n.md', new TextEncoder().encode(md));
    expect(parsed.questions.map((x) => [x.id, x.self_rated])).toEqual([['bias', true]]);
  });

  it('a cache entry claiming self_rated on a question with key points is not trusted', () => {
    const parsed = parseBankFile('b.yaml', new TextEncoder().encode(bank('    self_rated: true\n')));
    expect(isParsedBank({ ...parsed, questions: [{ ...parsed.questions[0]!, key_points: ['a', 'b'] }] })).toBe(false);
    expect(isParsedBank({ ...parsed, questions: [{ ...parsed.questions[0]!, self_rated: false }] })).toBe(false);
  });

  it('no shipped bank uses the marker: shipped open questions keep their 2 to 6 key points', async () => {
    const set = await loadBanks([SHIPPED], SHIPPED);
    expect(set.errors).toEqual([]);
    expect(set.questions.filter((x) => x.self_rated).map((x) => x.id)).toEqual([]);
    expect(set.warnings.filter((w) => w.path.endsWith('self_rated'))).toEqual([]);
    for (const file of set.files) expect(readFileSync(`${SHIPPED}/${file}`, 'utf8'), file).not.toMatch(/self_rated/);
  });

  it('is practised by rating alone: no checklist, a note saying so, every rating allowed', async () => {
    const log: string[] = [];
    const p = {
      info: (t: string) => log.push(`info ${t}`),
      warn: (t: string) => log.push(`warn ${t}`),
      tickKeyPoints: async () => (log.push('tick'), []),
      showKeyPoints: () => log.push('key points'),
      rate: async (a: { suggested: Rating; allowed: Rating[] }) => (log.push(`rate suggested ${a.suggested} allowed ${a.allowed.join('')}`), 2 as Rating),
    } as unknown as Prompter;
    const imported = q('imp', { key_points: [], self_rated: true });
    expect(await gradeAnswer(p, imported, { text: 'my answer' }, { durationMs: 100_000, budgetMs: 180_000 })).toEqual({ rating: 2, covered: [], coverage: 1 });
    expect(log).toEqual([
      'info No key points for this question (self-rated): compare your answer with the model answer and rate it.',
      'rate suggested 3 allowed 1234',
    ]);
    // A quick answer to a self-rated question is not suggested as Easy: nothing says it was complete.
    log.length = 0;
    await gradeAnswer(p, imported, { text: 'quick' }, { durationMs: 5_000, budgetMs: 180_000 });
    expect(log.at(-1)).toBe('rate suggested 3 allowed 1234');
    await gradeAnswer(p, q('plain', { key_points: [] }), { text: 'quick' }, { durationMs: 5_000, budgetMs: 180_000 });
    expect(log.at(-1)).toBe('rate suggested 4 allowed 1234');
  });

  it('a folder of imported banks beside a normal one: only the self-rated ones are warned about', async () => {
    const dir = fixtureDir({ 'a.yaml': bank('    self_rated: true\n'), 'b.yaml': bank('    key_points: [one, two]\n').replace('id: x', 'id: y') });
    const set = await loadBanks([dir], dir);
    expect(set.errors).toEqual([]);
    expect(set.warnings.map((w) => `${w.file}:${w.line}`)).toEqual(['a.yaml:6']);
  });
});
