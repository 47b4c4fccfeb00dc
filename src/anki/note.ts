import type { Question } from '../bank/types.js';
import { stripControl } from '../bank/control-chars.js';
import { FIELDS, type FieldName } from './collection.js';
import { blockHtml, escapeHtml, inlineHtml } from './html.js';

/**
 * The note's guid is the question id behind a fixed prefix: exporting again after an
 * edit gives the same guid, so Anki updates the note instead of adding a second one,
 * and `import-anki` reads the question id back from the guid alone.
 */
export const GUID_PREFIX = 'mlquiz:';
export const guidOf = (id: string) => GUID_PREFIX + id;
export const questionOfGuid = (guid: string): string | undefined => (guid.startsWith(GUID_PREFIX) ? guid.slice(GUID_PREFIX.length) : undefined);

/** Every mlquiz deck under one parent, so an import sits together in Anki's deck list. */
export const PARENT_DECK = 'mlquiz';
/** Deck names come from banks: `::` would nest decks in Anki, so it stands as a single colon. */
export const deckName = (deck: string) => `${PARENT_DECK}::${stripControl(deck).replace(/::+/g, ':').trim() || 'questions'}`;

/** Anki tags hold no spaces; `::` nests them under `mlquiz`. */
export const ankiTag = (tag: string) => `${PARENT_DECK}::${stripControl(tag).replace(/\s+/g, '_')}`;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const items = (list: string[]) => list.map((t) => `<li>${inlineHtml(t)}</li>`).join('');

/** The model answer, led by the right choice or value where the question has one. */
function answer(q: Question): string {
  const body = blockHtml(q.answer);
  if (q.type === 'choice' && q.correct?.length) {
    const right = q.correct.map((i) => `${LETTERS[i] ?? i + 1}. ${inlineHtml(q.choices?.[i] ?? '')}`).join('; ');
    return `<p><b>Correct:</b> ${right}</p>${body}`;
  }
  if (q.type === 'numeric' && q.value !== undefined) {
    const tol = q.tolerance ? ` ± ${q.tolerance}` : '';
    return `<p><b>Value:</b> ${q.value}${tol}${q.unit ? ` ${escapeHtml(stripControl(q.unit))}` : ''}</p>${body}`;
  }
  return body;
}

/** Pure: the fields of the note for a question, in the note type's order, as safe HTML. */
export function noteFields(q: Question): string[] {
  const fields: Record<FieldName, string> = {
    Prompt: blockHtml(q.prompt),
    Choices: q.type === 'choice' ? items(q.choices ?? []) : '',
    Answer: answer(q),
    'Key points': items(q.key_points),
    'Follow-ups': items(q.follow_ups),
    Source: q.source ? inlineHtml(q.source) : '',
    'mlquiz id': escapeHtml(q.id),
  };
  return FIELDS.map((f) => fields[f]);
}
