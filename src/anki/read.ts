import { readFileSync } from 'node:fs';
import type { Database } from 'sql.js';
import { unzipSync } from 'fflate';
import { decompress } from 'fzstd';
import { InputError } from '../errors.js';
import type { CardSchedule } from './schedule.js';
import { sqlite } from './sqljs.js';
import type { AnkiNote as ImportedAnkiNote } from '../import/types.js';

/** A note as Anki stores it, in plain data (the bank import's note, with Anki's own id): what a bank import or a review import needs. */
export interface AnkiNote extends ImportedAnkiNote {
  id: number;
}

/** A card as Anki stores it: its schedule, and which note, deck and template it belongs to. */
export interface AnkiCard extends CardSchedule {
  id: number;
  nid: number;
  did: number;
  ord: number;
}

export interface AnkiRevlog {
  /** The review's time in milliseconds. */
  id: number;
  cid: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  time: number;
  type: number;
}

export interface AnkiCollection {
  /** The schema version of the collection (11 in legacy packages, 18 in current ones). */
  schema: number;
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiRevlog[];
}

/** The newest collection schema that this reader knows (Anki 23.10 to 25.x write 18). */
export const NEWEST_SCHEMA = 18;
/** Package versions (the `meta` entry): 1 collection.anki2, 2 collection.anki21, 3 collection.anki21b (zstd). */
const NEWEST_PACKAGE = 3;

const bad = (file: string, why: string) => new InputError(`${file}: ${why}`);

/** The package version in the `meta` entry, a protobuf message whose field 1 is a varint. */
function packageVersion(meta: Uint8Array | undefined): number {
  if (!meta || meta[0] !== 0x08) return 0;
  let v = 0;
  for (let i = 1, shift = 0; i < meta.length && shift < 35; i++, shift += 7) {
    v += (meta[i]! & 0x7f) * 2 ** shift;
    if (!(meta[i]! & 0x80)) break;
  }
  return v;
}

/** The collection's SQLite bytes from an .apkg or .colpkg file. */
function collectionBytes(file: string): Uint8Array {
  let raw: Uint8Array;
  try {
    raw = readFileSync(file);
  } catch (e) {
    throw bad(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (raw[0] !== 0x50 || raw[1] !== 0x4b) throw bad(file, 'not an Anki package: it is not a zip file');
  const wanted = new Set(['meta', 'collection.anki21b', 'collection.anki21', 'collection.anki2']);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(raw, { filter: (f) => wanted.has(f.name) });
  } catch (e) {
    throw bad(file, `not an Anki package: the zip is damaged (${(e as Error).message})`);
  }
  const version = packageVersion(entries.meta);
  if (version > NEWEST_PACKAGE)
    throw bad(file, `made by a newer Anki (package version ${version}); export it from Anki with "Support older Anki versions" ticked`);
  if (version === NEWEST_PACKAGE || (!entries['collection.anki21'] && entries['collection.anki21b'])) {
    const packed = entries['collection.anki21b'];
    if (!packed) throw bad(file, 'not an Anki package: it holds no collection (collection.anki21b is missing)');
    try {
      return decompress(packed);
    } catch (e) {
      throw bad(file, `the collection is damaged: it does not decompress (${(e as Error).message})`);
    }
  }
  const col = entries['collection.anki21'] ?? entries['collection.anki2'];
  if (!col) throw bad(file, 'not an Anki package: the zip holds no collection (collection.anki2, .anki21 or .anki21b)');
  return col;
}

function rows(db: Database, sql: string): unknown[][] {
  return db.exec(sql)[0]?.values ?? [];
}

interface Notetype {
  name: string;
  fields: string[];
}

/** Note types and deck names: JSON in the `col` row up to schema 14, tables of their own since. */
function typesAndDecks(db: Database): { types: Map<number, Notetype>; decks: Map<number, string> } {
  const types = new Map<number, Notetype>();
  const decks = new Map<number, string>();
  const tables = new Set(rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => r[0]));
  if (tables.has('notetypes')) {
    for (const [id, name] of rows(db, 'SELECT id, name FROM notetypes')) types.set(Number(id), { name: String(name), fields: [] });
    for (const [ntid, name] of rows(db, 'SELECT ntid, name FROM fields ORDER BY ntid, ord')) types.get(Number(ntid))?.fields.push(String(name));
  } else {
    const [models] = rows(db, 'SELECT models FROM col');
    const json = JSON.parse(String(models?.[0] ?? '{}')) as Record<string, { id: number; name: string; flds: { name: string; ord: number }[] }>;
    for (const m of Object.values(json))
      types.set(Number(m.id), { name: String(m.name), fields: [...m.flds].sort((a, b) => a.ord - b.ord).map((f) => String(f.name)) });
  }
  if (tables.has('decks')) {
    // Since schema 15 a deck's levels are separated by U+001F in its name.
    for (const [id, name] of rows(db, 'SELECT id, name FROM decks')) decks.set(Number(id), String(name).split('\x1f').join('::'));
  } else {
    const [json] = rows(db, 'SELECT decks FROM col');
    for (const d of Object.values(JSON.parse(String(json?.[0] ?? '{}')) as Record<string, { id: number; name: string }>))
      decks.set(Number(d.id), String(d.name));
  }
  return { types, decks };
}

function readOpen(db: Database, file: string): AnkiCollection {
  let schema: number;
  try {
    schema = Number(rows(db, 'SELECT ver FROM col')[0]?.[0]);
  } catch (e) {
    throw bad(file, `the collection is not a readable SQLite database (${(e as Error).message})`);
  }
  if (!Number.isInteger(schema) || schema < 11) throw bad(file, `the collection has no schema version mlquiz knows (${schema})`);
  if (schema > NEWEST_SCHEMA)
    throw bad(
      file,
      `the collection has schema ${schema}, newer than mlquiz reads (up to ${NEWEST_SCHEMA}); export it from Anki with "Support older Anki versions" ticked`,
    );
  try {
    const { types, decks } = typesAndDecks(db);
    const cards: AnkiCard[] = rows(db, 'SELECT id, nid, did, ord, type, queue, due, ivl, reps, lapses, data FROM cards ORDER BY nid, ord').map(
      ([id, nid, did, ord, type, queue, due, ivl, reps, lapses, data]) => ({
        id: Number(id),
        nid: Number(nid),
        did: Number(did),
        ord: Number(ord),
        type: Number(type),
        queue: Number(queue),
        due: Number(due),
        ivl: Number(ivl),
        reps: Number(reps),
        lapses: Number(lapses),
        data: String(data ?? ''),
      }),
    );
    const deckOfNote = new Map<number, string>();
    for (const c of cards) if (!deckOfNote.has(c.nid)) deckOfNote.set(c.nid, decks.get(c.did) ?? '');
    const notes: AnkiNote[] = rows(db, 'SELECT id, guid, mid, tags, flds FROM notes ORDER BY id').map(([id, guid, mid, tags, flds]) => {
      const type = types.get(Number(mid));
      return {
        id: Number(id),
        guid: String(guid),
        model: type?.name ?? '',
        fieldNames: type?.fields ?? [],
        fields: String(flds).split('\x1f'),
        tags: String(tags).split(/\s+/).filter(Boolean),
        deck: deckOfNote.get(Number(id)) ?? '',
      };
    });
    const revlog: AnkiRevlog[] = rows(db, 'SELECT id, cid, ease, ivl, lastIvl, time, type FROM revlog ORDER BY id').map(
      ([id, cid, ease, ivl, lastIvl, time, type]) => ({
        id: Number(id),
        cid: Number(cid),
        ease: Number(ease),
        ivl: Number(ivl),
        lastIvl: Number(lastIvl),
        time: Number(time),
        type: Number(type),
      }),
    );
    return { schema, notes, cards, revlog };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw bad(file, `the collection is damaged (${(e as Error).message})`);
  }
}

/** Pure but for reading `file`: the notes, cards and review log of an .apkg or .colpkg. Bad input is an InputError naming the file. */
export async function readAnkiCollection(file: string): Promise<AnkiCollection> {
  const bytes = collectionBytes(file);
  const SQL = await sqlite();
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (e) {
    throw bad(file, `the collection is not a readable SQLite database (${(e as Error).message})`);
  }
  try {
    db = withoutUnicase(db, SQL);
    return readOpen(db, file);
  } finally {
    db.close();
  }
}

/**
 * Since schema 15 Anki declares names `COLLATE unicase`, a collation of its own that
 * sql.js cannot register, and SQLite then refuses every query of the `fields` table.
 * This copy is only read, in table order: the names are declared in binary order
 * instead, and the copy opened afresh for SQLite to read the changed schema.
 */
function withoutUnicase(db: Database, SQL: Awaited<ReturnType<typeof sqlite>>): Database {
  let uses: unknown;
  try {
    uses = rows(db, "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%COLLATE unicase%'")[0]?.[0];
  } catch {
    return db; // not a database: readOpen says so
  }
  if (!uses) return db;
  db.run("PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, ' COLLATE unicase', '') WHERE sql LIKE '%COLLATE unicase%';");
  const bytes = db.export();
  db.close();
  return new SQL.Database(bytes);
}

/** The notes of an .apkg or .colpkg, for turning notes into a bank. */
export async function readAnkiNotes(file: string): Promise<AnkiNote[]> {
  return (await readAnkiCollection(file)).notes;
}
