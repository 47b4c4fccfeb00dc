import { MAX_TEXT } from '../bank/schema.js';
import { cleanInput, difficultyMarks, keepReal, relativeImages } from './common.js';
import { htmlToMarkdown } from './html.js';
import { slugify } from './slug.js';
import type { AnkiNote, Draft, DraftBank, ImportResult } from './types.js';

/** Tags Anki sets itself; they say nothing about the topic. */
const ANKI_TAGS = new Set(['leech', 'marked']);

const field = (n: AnkiNote, names: string[], fallback: number) => {
  const i = n.fieldNames.findIndex((f) => names.includes(f.trim().toLowerCase()));
  return n.fields[i >= 0 ? i : fallback] ?? '';
};

/**
 * Pure: Anki notes to drafts, a bank per deck. A basic note's Front is the prompt and
 * its Back the answer (the first two fields when they have other names); cloze notes
 * and notes with one field are skipped. `line` is the note's position in `notes`.
 * Tags keep each level of `a::b`; deck names keep their `::` as " / ".
 */
export function ankiNotesToBank(notes: readonly AnkiNote[]): ImportResult {
  const decks = new Map<string, Draft[]>();
  const skipped: ImportResult['skipped'] = [];
  const images: ImportResult['images'] = [];
  let controls = 0;
  const text = (html: string) => {
    // Far past what a bank holds: left as it is, to be skipped as too long, not converted.
    if (html.length > 10 * MAX_TEXT) return html;
    const c = cleanInput(html);
    controls += c.controls;
    return htmlToMarkdown(c.text);
  };
  notes.forEach((n, i) => {
    const line = i + 1;
    if (/cloze/i.test(n.model) || n.fields.length < 2) {
      skipped.push({ line, reason: `a ${/cloze/i.test(n.model) ? 'cloze' : 'one-field'} note (${n.model}), not a front/back one` });
      return;
    }
    const { prompt, difficulty } = difficultyMarks(text(field(n, ['front', 'question'], 0)));
    const answer = text(field(n, ['back', 'answer'], 1));
    images.push(...relativeImages(`${prompt}\n${answer}`, line).map((im) => ({ ...im, line })));
    const tags = n.tags
      .flatMap((t) => t.split('::'))
      .map((t) => slugify(t))
      .filter((t) => t && !ANKI_TAGS.has(t));
    const deck =
      cleanInput(n.deck)
        .text.split('::')
        .map((s) => s.trim())
        .filter(Boolean)
        .join(' / ') || 'Default';
    if (!decks.has(deck)) decks.set(deck, []);
    decks.get(deck)!.push({ prompt, answer, tags: [...new Set(tags)], line, ...(difficulty && { difficulty }) });
  });
  const banks: DraftBank[] = [...decks].map(([deck, drafts]) => ({ deck, questions: keepReal(drafts, skipped) }));
  skipped.sort((a, b) => a.line - b.line);
  return { banks, skipped, images, unit: 'note', style: 'front/back fields', controls };
}
