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

    // The database lives in memory and is written out whole: a rollback journal only costs time.
    db.run('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
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
    const revlog: number[][] = [];

    db.run('BEGIN');
    // Long texts go in as UTF-8 bytes cast back to text: sql.js copies bytes at once but
    // encodes a string a character at a time, five times slower.
    const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?, 0, '')");
    const card = db.prepare('INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, 2500, ?, ?, 0, 0, 0, 0, ?)');
    const utf8 = new TextEncoder();
    // Ids are creation times in Anki: these read as made just before the export.
    const firstId = nowMs - questions.length;
    questions.forEach((q, i) => {
      const id = firstId + i;
      const fields = noteFields(q);
      const sort = stripHtml(fields[0]!);
      const tags = q.tags.length ? ` ${q.tags.map(ankiTag).join(' ')} ` : '';
      note.run([id, guidOf(q.id), MODEL_ID, mod, utf8.encode(tags), utf8.encode(fields.join('\x1f')), utf8.encode(sort), checksum(sort)]);
      const s = cardSchedule(progress?.cards[q.id], i + 1, crtMs);
      card.run([id, id, decks.get(deckName(q.deck))!, mod, s.type, s.queue, s.due, s.ivl, s.reps, s.lapses, s.data]);
      if (progress) for (const r of revlogRows(byQuestion.get(q.id) ?? [], taken)) revlog.push([r.id, id, r.ease, r.ivl, r.lastIvl, r.time, r.type]);
    });
    for (const s of [note, card]) s.free();
    // Whole numbers only, so written into the statement: a row at a time, the calls into
    // SQLite took longer than the rest of the export.
    for (let i = 0; i < revlog.length; i += 500)
      db.run(
        `INSERT INTO revlog VALUES ${revlog
          .slice(i, i + 500)
          .map(([id, cid, ease, ivl, last, time, type]) => `(${id},${cid},-1,${ease},${ivl},${last},2500,${time},${type})`)
          .join(',')}`,
      );
    db.run('COMMIT');

    // The fastest deflate: the package is written once and read once.
    const apkg = zipSync({ 'collection.anki2': db.export(), media: strToU8('{}') }, { level: 1 });
    return { apkg, notes: questions.length, decks: [...decks.keys()].filter((d) => d !== PARENT_DECK), reviews: revlog.length };
  } finally {
    db.close();
  }
}
