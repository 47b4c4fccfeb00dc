import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { Question } from '../bank/types.js';
import type { Progress, Review } from '../progress/schema.js';
import { COLLECTION_CONFIG, DECK_CONFIG, deck, model, MODEL_ID, SCHEMA_11 } from './collection.js';
import { stripHtml } from './html.js';
import { ankiTag, deckName, guidOf, noteFields, PARENT_DECK } from './note.js';
import { cardSchedule, DAY_MS, revlogRows } from './schedule.js';
import { sqlite } from './sqljs.js';

export interface ExportInput {
  questions: readonly Question[];
  /** With it, each card carries its schedule and its reviews (`--with-progress`). */
  progress?: Progress;
  now: Date;
}

export interface ExportResult {
  apkg: Uint8Array;
  notes: number;
  decks: string[];
  reviews: number;
}

/** Deck ids from their names, so that two exports name a deck by the same id. */
function deckId(name: string): number {
  return 1_500_000_000_000 + (parseInt(createHash('sha1').update(name).digest('hex').slice(0, 10), 16) % 1e11);
}

/** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the sort field's text. */
const checksum = (text: string) => parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);

/**
 * The questions as an Anki package (.apkg): a schema-11 collection in a zip, one note
 * per question, one card per note. Anki reads only the collection and the media list.
 */
export async function buildApkg({ questions, progress, now }: ExportInput): Promise<ExportResult> {
  const SQL = await sqlite();
  const db = new SQL.Database();
  try {
    const nowMs = now.getTime();
    const crtMs = Math.floor(nowMs / DAY_MS) * DAY_MS;
    const mod = Math.floor(nowMs / 1000);
    const decks = new Map<string, number>([[PARENT_DECK, deckId(PARENT_DECK)]]);
    for (const q of questions) decks.set(deckName(q.deck), deckId(deckName(q.deck)));
    const deckJson = Object.fromEntries([[1, deck(1, 'Default', nowMs)], ...[...decks].map(([name, id]) => [id, deck(id, name, nowMs)])]);

    db.run(SCHEMA_11);
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      crtMs / 1000,
      nowMs,
      nowMs,
      JSON.stringify(COLLECTION_CONFIG),
      JSON.stringify({ [MODEL_ID]: model(nowMs) }),
      JSON.stringify(deckJson),
      JSON.stringify(DECK_CONFIG),
      '{}',
    ]);

    const byQuestion = new Map<string, Review[]>();
    for (const r of progress?.reviews ?? []) {
      const list = byQuestion.get(r.question);
      if (list) list.push(r);
      else byQuestion.set(r.question, [r]);
    }
    const taken = new Set<number>();
    let reviews = 0;

    db.run('BEGIN');
    const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const card = db.prepare('INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, 2500, ?, ?, 0, 0, 0, 0, ?)');
    const rev = db.prepare('INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, 2500, ?, ?)');
    // Ids are creation times in Anki: these read as made just before the export.
    const firstId = nowMs - questions.length;
    questions.forEach((q, i) => {
      const id = firstId + i;
      const fields = noteFields(q);
      const sort = stripHtml(fields[0]!);
      const tags = q.tags.length ? ` ${q.tags.map(ankiTag).join(' ')} ` : '';
      note.run([id, guidOf(q.id), MODEL_ID, mod, tags, fields.join('\x1f'), sort, checksum(sort)]);
      const s = cardSchedule(progress?.cards[q.id], i + 1, crtMs);
      card.run([id, id, decks.get(deckName(q.deck))!, mod, s.type, s.queue, s.due, s.ivl, s.reps, s.lapses, s.data]);
      if (!progress) return;
      for (const r of revlogRows(byQuestion.get(q.id) ?? [], taken)) {
        rev.run([r.id, id, r.ease, r.ivl, r.lastIvl, r.time, r.type]);
        reviews++;
      }
    });
    for (const s of [note, card, rev]) s.free();
    db.run('COMMIT');

    const apkg = zipSync({ 'collection.anki2': db.export(), media: strToU8('{}') });
    return { apkg, notes: questions.length, decks: [...decks.keys()].filter((d) => d !== PARENT_DECK), reviews };
  } finally {
    db.close();
  }
}
