import { describe, expect, it } from 'vitest';
import { SELF_RATED_WARNING } from '../../src/bank/normalise.js';
import { importMarkdown } from '../../src/import/markdown.js';
import { fixture, loadImported } from './helpers.js';

const prompts = (md: string) => importMarkdown(md, 'notes').banks[0]!.questions.map((q) => q.prompt);

describe('importing a real collection: data-science-interviews (CC BY 4.0), bold-question style', () => {
  const text = fixture('dsi-theory-excerpt.md');
  const result = importMarkdown(text, 'dsi-theory-excerpt');

  it('finds every bold question, skips the two "Answer here" placeholders with their lines, and reads the legend', () => {
    expect(result.style).toBe('bold lines');
    const qs = result.banks[0]!.questions;
    expect(result.banks[0]!.deck).toBe('Theoretical interview questions');
    expect(qs).toHaveLength(26);
    expect(result.skipped).toEqual([
      { line: 263, reason: 'placeholder answer "Answer here"' },
      { line: 309, reason: 'placeholder answer "Answer here"' },
    ]);
    // Legend: 👶 easy ⭐️ medium 🚀 expert; the ⭐ is preceded by a zero-width joiner in the source.
    const count = (d: string) => qs.filter((q) => q.difficulty === d).length;
    expect([count('easy'), count('medium'), count('hard')]).toEqual([10, 16, 0]);
    expect(qs.find((q) => q.prompt.startsWith('What are the main assumptions'))!.difficulty).toBe('medium');
    expect(qs.every((q) => !/⭐|👶|🚀|\u200d|\ufe0f/u.test(q.prompt))).toBe(true);
  });

  it('makes tags of the sections and nothing of the table of contents', () => {
    const tags = new Map<string, number>();
    for (const q of result.banks[0]!.questions) for (const t of q.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
    expect(Object.fromEntries(tags)).toEqual({ 'linear-regression': 8, validation: 6, 'random-forest': 8, 'gradient-boosting': 4 });
  });

  it('keeps the answer up to the next question, without the <br/> spacers, formulas from GitHub math images as $…$', () => {
    const qs = result.banks[0]!.questions;
    const methods = qs.find((q) => q.prompt === 'What methods for solving linear regression do you know?')!;
    expect(methods.answer).toContain('$\\beta = (X^{T}X)^{-1}X^{T}y$');
    expect(methods.answer).not.toContain('<img');
    expect(qs.every((q) => !q.answer.includes('<br/>') && !q.answer.includes('**What'))).toBe(true);
    expect(qs.find((q) => q.line === 178)!.answer).toContain('is maintained.\nI tend to use 4');
    expect(qs[0]!.answer.startsWith('Regression is a part of supervised ML.')).toBe(true);
    expect(qs[0]!.answer.endsWith('(thereby allowing feature selection).')).toBe(true);
  });

  it('records the licence line it found', () => {
    expect(result.licence).toBe('CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).');
  });

  it('writes a bank the real loader accepts, every question self-rated, with warnings and no errors', async () => {
    const { set, files } = await loadImported(result, 'https://github.com/alexeygrigorev/data-science-interviews theory.md');
    expect(set.errors).toEqual([]);
    expect(set.questions).toHaveLength(26);
    expect(set.questions.every((q) => q.self_rated === true && q.key_points.length === 0 && q.type === 'open')).toBe(true);
    expect(set.warnings.map((w) => w.message)).toEqual(Array(26).fill(SELF_RATED_WARNING));
    expect(set.questions[0]!.source).toBe(
      'https://github.com/alexeygrigorev/data-science-interviews theory.md. Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).',
    );
    expect(files.map((f) => f.name)).toEqual(['theoretical-interview-questions.yaml']);
    expect(set.questions.slice(0, 3).map((q) => q.id)).toEqual([
      'what-is-regression-which-models-can-you-use-to',
      'what-is-linear-regression-when-do-we-use-it',
      'what-are-the-main-assumptions-of-linear',
    ]);
    expect(new Set(set.questions.map((q) => q.id)).size).toBe(26);
  });

  it('a second import of the same file gives the same ids and the same bank text', async () => {
    const a = await loadImported(importMarkdown(text, 'dsi-theory-excerpt'));
    const b = await loadImported(importMarkdown(text, 'dsi-theory-excerpt'));
    expect(b.set.questions.map((q) => q.id)).toEqual(a.set.questions.map((q) => q.id));
    expect(b.files[0]!.text).toBe(a.files[0]!.text);
  });
});

describe('Markdown edge cases', () => {
  it('heading questions: the deepest headings with text are questions, the ones above them nested tags', async () => {
    const md = [
      '# My ML notes',
      '',
      '## Deep learning',
      '',
      '### CNNs',
      '',
      '#### What does a 1x1 convolution do? 🟢',
      '',
      'It mixes channels at each position.',
      '',
      '#### Why pool? (hard)',
      '',
      'Pooling buys translation tolerance and cuts compute.',
      '',
      '### Transformers',
      '',
      '#### Why scale the dot product? ⭐⭐',
      '',
      'Large dot products saturate the softmax.',
      '',
      '## Classical ML',
      '',
      '#### What is a kernel? 🔴',
      '',
      'An inner product in a feature space.',
    ].join('\n');
    const r = importMarkdown(md, 'notes');
    expect(r.style).toBe('level-4 headings');
    expect(r.banks[0]!.deck).toBe('My ML notes');
    expect(r.banks[0]!.questions.map((q) => [q.prompt, q.tags, q.difficulty, q.line])).toEqual([
      ['What does a 1x1 convolution do?', ['deep-learning', 'cnns'], 'easy', 7],
      ['Why pool?', ['deep-learning', 'cnns'], 'hard', 11],
      ['Why scale the dot product?', ['deep-learning', 'transformers'], 'medium', 17],
      ['What is a kernel?', ['classical-ml'], 'hard', 23],
    ]);
    const { set } = await loadImported(r);
    expect(set.errors).toEqual([]);
  });

  it('"## " questions under a title, and a "### " inside an answer stays in the answer', () => {
    const r = importMarkdown('# Notes\n\n## What is dropout?\n\nRandomly zeroing units.\n\n### Why it works\n\nAn ensemble of subnetworks.\n', 'n');
    expect(r.banks[0]!.questions).toHaveLength(1);
    expect(r.banks[0]!.questions[0]!.answer).toBe('Randomly zeroing units.\n\n### Why it works\n\nAn ensemble of subnetworks.');
    expect(r.style).toBe('level-2 headings');
  });

  it('heading questions stay questions when an answer has a bold line asking something', () => {
    const md = '## What is bagging?\n\nBootstrap aggregating.\n\n**Why?**\n\nIt lowers variance.\n\n## What is boosting?\n\nSequential weak learners.\n';
    expect(prompts(md)).toEqual(['What is bagging?', 'What is boosting?']);
    expect(importMarkdown(md, 'n').banks[0]!.questions[0]!.answer).toBe('Bootstrap aggregating.\n\n**Why?**\n\nIt lowers variance.');
  });

  it('skips placeholders of every usual kind and empty answers, each with its line', () => {
    const md = ['## A?', '', 'Answer here', '## B?', '', '## C?', 'TODO', '## D?', '_TBD_', '## E?', '...', '## F?', 'A real answer.'].join('\n');
    const r = importMarkdown(md, 'n');
    expect(r.banks[0]!.questions.map((q) => q.prompt)).toEqual(['F?']);
    expect(r.skipped).toEqual([
      { line: 1, reason: 'placeholder answer "Answer here"' },
      { line: 4, reason: 'no answer' },
      { line: 6, reason: 'placeholder answer "TODO"' },
      { line: 8, reason: 'placeholder answer "TBD"' },
      { line: 10, reason: 'placeholder answer "..."' },
    ]);
  });

  it('reports relative image links with their lines, not absolute ones, and keeps the text', () => {
    const md = '**What is a ROC curve?**\n\nSee the plot:\n\n![roc](img/roc.png)\n<img src="./pr.png" width=300>\n![web](https://example.com/a.png)\n';
    const r = importMarkdown(md, 'n');
    expect(r.images).toEqual([
      { line: 5, url: 'img/roc.png' },
      { line: 6, url: './pr.png' },
    ]);
    expect(r.banks[0]!.questions[0]!.answer).toContain('![roc](img/roc.png)');
  });

  it('removes control characters and counts them; the loader then has nothing to warn about but self-rating', async () => {
    const md = '## What is \u001b[2Jbias?\n\nThe \u0007error of \u009b31mthe model.\u001b]52;c;aGk=\u0007\n';
    const r = importMarkdown(md, 'n');
    expect(r.controls).toBe(5);
    expect(r.banks[0]!.questions[0]!.prompt).toBe('What is [2Jbias?');
    const { set } = await loadImported(r);
    expect(set.errors).toEqual([]);
    expect(set.warnings.every((w) => w.message === SELF_RATED_WARNING)).toBe(true);
  });

  it('reads CRLF and a BOM the same as LF', () => {
    const md = '# T\n\n## Bagging\n\n**What is bagging?**\n\nBootstrap aggregating.\n\n**Why does it help?**\n\nIt lowers variance.\n';
    const lf = importMarkdown(md, 'n');
    const crlf = importMarkdown('\uFEFF' + md.replace(/\n/g, '\r\n'), 'n');
    expect(crlf).toEqual(lf);
    expect(lf.banks[0]!.questions.map((q) => q.answer)).toEqual(['Bootstrap aggregating.', 'It lowers variance.']);
  });

  it('an empty file, a blank one and a title over prose have no questions', () => {
    for (const md of ['', '\uFEFF', '\n\n  \n', '# Just a title\n\nSome prose, no questions.'])
      expect(importMarkdown(md, 'n').banks[0]!.questions, JSON.stringify(md)).toEqual([]);
  });

  it('a prompt asked twice: the exact repeat is skipped, a second answer is kept with a suffixed id', async () => {
    const md = '## What is AUC?\n\nArea under ROC.\n\n## What is AUC?\n\nArea under ROC.\n\n## What is AUC?\n\nThe chance a positive outranks a negative.\n';
    const r = importMarkdown(md, 'n');
    expect(r.skipped).toEqual([{ line: 5, reason: 'the same question and answer as line 1' }]);
    const { set } = await loadImported(r);
    expect(set.questions.map((q) => q.id)).toEqual(['what-is-auc', 'what-is-auc-2']);
  });

  it('questions inside code fences and HTML comments are not questions', () => {
    const md = '## Real?\n\nYes.\n\n```md\n## Not a question?\n```\n\n<!--\n## Hidden?\n-->\n';
    expect(prompts(md)).toEqual(['Real?']);
    expect(importMarkdown(md, 'n').banks[0]!.questions[0]!.answer).toBe('Yes.\n\n```md\n## Not a question?\n```\n\n<!--\n## Hidden?\n-->');
  });

  it('bold lines: "1. **Q?**", "**Q: …**", marks after the stars; a bold lead-in ending in ":" and a bold phrase inside a paragraph are not questions', () => {
    const md = [
      '1. **What is bias?** 🟢',
      '',
      'Error from wrong assumptions.',
      '',
      '**Q: What is variance? (medium)**',
      '',
      '**Answer:** Sensitivity to the sample.',
      '',
      '**Example:**',
      '',
      'A deep tree.',
      '**Not a question**',
      '',
      'More text.',
    ].join('\n');
    const r = importMarkdown(md, 'n');
    expect(r.banks[0]!.questions.map((q) => [q.prompt, q.difficulty ?? null, q.answer])).toEqual([
      ['What is bias?', 'easy', 'Error from wrong assumptions.'],
      ['What is variance?', 'medium', 'Sensitivity to the sample.\n\n**Example:**\n\nA deep tree.\n**Not a question**\n\nMore text.'],
    ]);
  });

  it('prompts with no Latin letters get a stable hashed id', async () => {
    const r = importMarkdown('## Что такое градиент?\n\nВектор частных производных.\n', 'n');
    const a = await loadImported(r);
    const b = await loadImported(importMarkdown('## Что такое градиент?\n\nВектор частных производных.\n', 'n'));
    expect(a.set.questions[0]!.id).toMatch(/^q-[0-9a-f]{8}$/);
    expect(b.set.questions[0]!.id).toBe(a.set.questions[0]!.id);
  });

  it('hostile text: YAML-looking answers, huge lines and unclosed markup load as plain text, and finish', async () => {
    const headings = [
      '## key_points: [x]',
      '',
      'questions:\n  - id: evil\n---\n!!js/function "x"\n&a [*a, *a]',
      '',
      `## ${'#'.repeat(50_000)}x`,
      '',
      `${'![a'.repeat(30_000)} ${'<img '.repeat(30_000)} ${'<br'.repeat(30_000)}`,
    ].join('\n');
    const r = importMarkdown(headings, 'n');
    const { set } = await loadImported(r);
    expect(set.errors).toEqual([]);
    expect(set.questions.map((q) => q.prompt)).toEqual(['key_points: [x]']);
    expect(r.skipped).toEqual([{ line: 9, reason: 'longer than 20,000 characters' }]);
    expect(set.questions[0]!.answer).toContain('!!js/function');
    const bold = importMarkdown(`**${'*'.repeat(100_000)}**\n\n**${' '.repeat(100_000)}?**\n\nAn answer.\n`, 'n');
    expect(bold.banks[0]!.questions.map((q) => [q.prompt, q.answer])).toEqual([['?', 'An answer.']]);
  });
});
