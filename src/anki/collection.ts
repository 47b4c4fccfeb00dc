/**
 * The collection-wide parts of an Anki collection in schema 11, the layout that every
 * Anki since 2.1 (AnkiDroid, AnkiMobile, desktop) imports: the tables, and the note
 * type, decks and options that schema 11 keeps as JSON in the one `col` row. Anki turns
 * them into its current schema on import (see rslib/src/storage/schema11.sql and
 * notetype/schema11.rs in Anki's sources).
 */

export const SCHEMA_11 = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL,
  dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL,
  tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL,
  data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL,
  lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

/** The note type's id never changes, so that Anki matches a new export to the note type it already has. */
export const MODEL_ID = 1_731_000_000_000;
export const MODEL_NAME = 'mlquiz question';

/** The fields, in order; Anki matches note types by their fields, so this list only grows at its end. */
export const FIELDS = ['Prompt', 'Choices', 'Answer', 'Key points', 'Follow-ups', 'Source', 'mlquiz id'] as const;
export type FieldName = (typeof FIELDS)[number];

const FRONT = `<div class="prompt">{{Prompt}}</div>
{{#Choices}}<ol class="choices" type="A">{{Choices}}</ol>{{/Choices}}`;

const BACK = `{{FrontSide}}
<hr id=answer>
<div class="answer">{{Answer}}</div>
{{#Key points}}<h4>Key points</h4><ul class="checklist">{{Key points}}</ul>{{/Key points}}
{{#Follow-ups}}<h4>Follow-ups</h4><ul class="follow-ups">{{Follow-ups}}</ul>{{/Follow-ups}}
{{#Source}}<p class="source">Source: {{Source}}</p>{{/Source}}`;

const CSS = `.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; text-align: left; color: black; background-color: white; max-width: 42em; margin: 0 auto; }
.nightMode .card, .night_mode .card { color: #e6edf3; background-color: #0d1117; }
.prompt { font-weight: 600; }
ul.checklist { list-style: none; padding-left: 0.5em; }
ul.checklist li::before { content: "\\2610\\00a0"; }
.source { font-size: 13px; opacity: 0.7; }
pre, code { font-family: ui-monospace, Menlo, monospace; font-size: 14px; }
`;

export function model(now: number) {
  return {
    id: MODEL_ID,
    name: MODEL_NAME,
    type: 0,
    mod: Math.floor(now / 1000),
    usn: -1,
    sortf: 0,
    did: null,
    tmpls: [{ name: 'Recall', ord: 0, qfmt: FRONT, afmt: BACK, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 }],
    flds: FIELDS.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    css: CSS,
    latexPre:
      '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    // The one card needs the prompt.
    req: [[0, 'any', [0]]],
    tags: [],
    vers: [],
  };
}

export function deck(id: number, name: string, now: number) {
  return {
    id,
    name,
    mod: Math.floor(now / 1000),
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

/** Anki's default options group: an import keeps the person's own. */
export const DECK_CONFIG = {
  1: {
    id: 1,
    mod: 0,
    name: 'Default',
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    dyn: false,
  },
};

/** The v2 scheduler: Anki refuses to import scheduling from a v1 collection. */
export const COLLECTION_CONFIG = {
  schedVer: 2,
  sched2021: true,
  activeDecks: [1],
  curDeck: 1,
  newSpread: 0,
  collapseTime: 1200,
  timeLim: 0,
  estTimes: true,
  dueCounts: true,
  curModel: MODEL_ID,
  nextPos: 1,
  sortType: 'noteFld',
  sortBackwards: false,
  addToCur: true,
};
