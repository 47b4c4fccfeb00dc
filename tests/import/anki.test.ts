import { describe, expect, it } from 'vitest';
import { ankiNotesToBank } from '../../src/import/anki.js';
import { htmlToMarkdown } from '../../src/import/html.js';
import type { AnkiNote } from '../../src/import/types.js';
import { loadImported } from './helpers.js';

const note = (over: Partial<AnkiNote>): AnkiNote => ({
  guid: 'g1',
  model: 'Basic',
  fieldNames: ['Front', 'Back'],
  fields: ['What is dropout?', 'Randomly zeroing units.'],
  tags: [],
  deck: 'Default',
  ...over,
});

describe('Anki basic notes to a bank', () => {
  it('front/back, decks as banks, tags by level, cloze and one-field notes skipped with their positions', async () => {
    const r = ankiNotesToBank([
      note({ tags: ['ML::Regularization', 'leech'], deck: 'ML::Deep learning' }),
      note({ guid: 'g2', model: 'Cloze', fieldNames: ['Text', 'Extra'], fields: ['{{c1::Adam}} adapts', ''] }),
      note({
        guid: 'g3',
        model: 'Basic (and reversed card)',
        fieldNames: ['Back', 'Front'],
        fields: ['A <b>kernel</b> trick.', 'What is an SVM?'],
        deck: 'ML',
      }),
      note({ guid: 'g4', model: 'Note', fieldNames: ['Only'], fields: ['x'] }),
      note({ guid: 'g5', model: 'My type', fieldNames: ['Q', 'A'], fields: ['Why batch norm?', '&nbsp;'], deck: 'ML' }),
    ]);
    expect(r.unit).toBe('note');
    expect(r.banks.map((b) => [b.deck, b.questions.map((q) => [q.line, q.prompt, q.answer, q.tags])])).toEqual([
      ['ML / Deep learning', [[1, 'What is dropout?', 'Randomly zeroing units.', ['ml', 'regularization']]]],
      ['ML', [[3, 'What is an SVM?', 'A **kernel** trick.', []]]],
    ]);
    expect(r.skipped).toEqual([
      { line: 2, reason: 'a cloze note (Cloze), not a front/back one' },
      { line: 4, reason: 'a one-field note (Note), not a front/back one' },
      { line: 5, reason: 'no answer' },
    ]);
    const { set, files } = await loadImported(r, 'deck.apkg');
    expect(set.errors).toEqual([]);
    expect(files.map((f) => f.name)).toEqual(['ml-deep-learning.yaml', 'ml.yaml']);
    expect(set.questions.map((q) => [q.id, q.deck])).toEqual([
      ['what-is-dropout', 'ML / Deep learning'],
      ['what-is-an-svm', 'ML'],
    ]);
  });

  it('HTML to Markdown: breaks, lists, emphasis, links, images (reported as relative), MathJax, entities; scripts and sounds dropped', () => {
    const html =
      '<div>Loss:&nbsp;\\(L = -\\sum y \\log p\\)</div><ul><li>one</li><li><i>two</i></li></ul>See <a href="https://x.org/a">this</a> &amp; <a href="javascript:alert(1)">that</a>.<br><img src="plot.png" alt="p"><script>alert(1)</script>[sound:a.mp3]&#x1F600;&#0;\\[x^2\\]';
    expect(htmlToMarkdown(html)).toBe('Loss: $L = -\\sum y \\log p$\n\n- one\n- *two*\nSee [this](https://x.org/a) & that.\n![p](plot.png)😀$$x^2$$');
    const r = ankiNotesToBank([note({ fields: ['Q?', '<img src="plot.png">'] })]);
    expect(r.images).toEqual([{ line: 1, url: 'plot.png' }]);
  });

  it('hostile fields: control characters removed and counted, unclosed tags finish, overlong fields skipped', () => {
    const r = ankiNotesToBank([
      note({ fields: ['What\u001b[31m is x?', 'An \u0007answer.'] }),
      note({ guid: 'g2', fields: ['<script'.repeat(20_000), '<a href=x>'.repeat(20_000)] }),
      note({ guid: 'g3', fields: ['Long?', 'x'.repeat(300_000)] }),
    ]);
    expect(r.controls).toBe(2);
    expect(r.banks[0]!.questions.map((q) => q.prompt)).toEqual(['What[31m is x?']);
    expect(r.skipped.map((k) => k.line)).toEqual([2, 3]);
  });
});
