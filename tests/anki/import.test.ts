import { journalOf, storedProgress } from '../cli/harness.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sqlite } from '../../src/anki/sqljs.js';
import { runCli } from '../cli/harness.js';
import { env, homeWith, Q1, Q2, tempDir } from './fixtures.js';

const progressOf = storedProgress;

describe('mlquiz import-anki', () => {
  it('adds the reviews of mlquiz notes once, replays their cards, and knows its own exported reviews again', async () => {
    const phone = homeWith([
      [Q1, 72, 3],
      [Q1, 24, 2],
      [Q2, 30, 1],
    ]);
    const apkg = join(phone.dir, 'phone.apkg');
    await runCli(['export', '--anki', apkg, '--with-progress', '--tag', 'regularization'], env(phone.dir));

    const laptop = homeWith([[Q1, 100, 3]], 'laptop');
    const first = await runCli(['import-anki', apkg], env(laptop.dir));
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/ from mlquiz, 0 other notes\.\nAdded 3 reviews made in Anki; 2 cards rebuilt\./);
    const after = progressOf(laptop.dir);
    expect(after.reviews.map((r) => [r.question, r.at, r.rating, r.session])).toEqual([
      [Q1, laptop.progress.reviews[0]!.at, 3, laptop.progress.sessions[0]!.id],
      [Q1, phone.progress.reviews[0]!.at, 3, 'anki-import'],
      [Q2, phone.progress.reviews[2]!.at, 1, 'anki-import'],
      [Q1, phone.progress.reviews[1]!.at, 2, 'anki-import'],
    ]);
    // Each review's state is its card's state before it, among all the question's reviews.
    expect(after.reviews.map((r) => r.state)).toEqual([0, 2, 0, 2]);
    expect(after.cards[Q1]!.reps).toBe(3);
    expect(after.cards[Q2]!.reps).toBe(1);

    const before = readFileSync(journalOf(laptop.dir), 'utf8');
    const again = await runCli(['import-anki', apkg, '--json'], env(laptop.dir));
    expect(JSON.parse(again.out)).toMatchObject({ added: 0, known: 3, written: false, notes: { other: 0 } });
    expect(readFileSync(journalOf(laptop.dir), 'utf8')).toBe(before);

    // The phone's own history: every review in the package is one it made itself.
    const own = await runCli(['import-anki', apkg], env(phone.dir));
    expect(own.out).toMatch(/Nothing to add: 3 reviews already here\./);
  });

  it('--dry-run says what would be added and writes nothing', async () => {
    const phone = homeWith([[Q1, 10, 3]], 'phone');
    const apkg = join(phone.dir, 'phone.apkg');
    await runCli(['export', '--anki', apkg, '--with-progress', '--tag', 'regularization'], env(phone.dir));
    const empty = tempDir('empty');
    const r = await runCli(['import-anki', '--dry-run', apkg], env(empty));
    expect(r.out).toMatch(/Would add 1 review made in Anki/);
    expect(existsSync(join(empty, 'journal'))).toBe(false);
  });
});

describe('import-anki and a hostile revlog', () => {
  it('leaves out entries with impossible times or ratings, caps durations, and keeps the progress file valid', async () => {
    const dir = tempDir('hostile-revlog');
    const apkg = join(dir, 'clean.apkg');
    await runCli(['export', '--anki', apkg, '--tag', 'regularization']);
    const { collection, card } = await (async () => {
      const entries = unzipSync(readFileSync(apkg));
      const SQL = await sqlite();
      const db = new SQL.Database(entries['collection.anki2']);
      const cid = Number(db.exec("SELECT c.id FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = 'mlquiz:reg-what-and-why'")[0]!.values[0]![0]);
      const t = Date.parse('2026-11-01T10:00:00Z');
      for (const [id, ease, time, type] of [
        [t, 3, 12_000, 1], // kept
        [t + 1, 2, -50, 1], // kept, 0 ms
        [t + 2, 4, 1e12, 1], // kept, capped
        [-5, 3, 1000, 1], // before 1970
        [1e15, 3, 1000, 1], // after 2999
        [t + 3, 7, 1000, 1], // no such rating
        [t + 4, 0, 0, 4], // a manual reschedule
      ])
        db.run('INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, 2500, ?, ?)', [id!, cid!, ease!, time!, type!]);
      const bytes = db.export();
      db.close();
      return { collection: bytes, card: cid };
    })();
    expect(card).toBeGreaterThan(0);
    const file = join(dir, 'hostile.apkg');
    writeFileSync(file, zipSync({ 'collection.anki2': collection }));
    const r = await runCli(['import-anki', file, '--json'], env(dir));
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ added: 3, skipped: 4, written: true });
    const p = progressOf(dir);
    expect(p.reviews.map((x) => x.duration_ms)).toEqual([12_000, 0, 2 ** 31 - 1]);
    // The file reads back as valid: a second import finds all three known.
    expect(JSON.parse((await runCli(['import-anki', file, '--json'], env(dir))).out)).toMatchObject({ added: 0, known: 3 });
  });
});

describe('bad Anki packages', () => {
  async function collectionWith(sql: string): Promise<Uint8Array> {
    const SQL = await sqlite();
    const db = new SQL.Database();
    db.run(sql);
    const bytes = db.export();
    db.close();
    return bytes;
  }
  const cases: [string, () => Promise<Uint8Array>, RegExp][] = [
    ['not a zip', async () => strToU8('just text, not a package'), /not an Anki package: it is not a zip file/],
    ['a damaged zip', async () => Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]), /not an Anki package: the zip is damaged/],
    ['a zip without a collection', async () => zipSync({ 'notes.txt': strToU8('hello') }), /the zip holds no collection/],
    ['a corrupt collection', async () => zipSync({ 'collection.anki2': strToU8('SQLite format 3\0' + 'x'.repeat(200)) }), /not a readable SQLite database/],
    [
      'a newer schema',
      async () => zipSync({ 'collection.anki21': await collectionWith('CREATE TABLE col (ver integer); INSERT INTO col VALUES (19);') }),
      /schema 19, newer than mlquiz reads \(up to 18\)/,
    ],
    [
      'a newer package',
      async () => zipSync({ meta: Uint8Array.from([0x08, 0x04]), 'collection.anki21b': strToU8('x') }),
      /made by a newer Anki \(package version 4\)/,
    ],
    ['a bad zstd collection', async () => zipSync({ meta: Uint8Array.from([0x08, 0x03]), 'collection.anki21b': strToU8('not zstd') }), /does not decompress/],
  ];
  it.each(cases)('%s: one line naming the file, exit 2, nothing written', async (_, make, message) => {
    const dir = tempDir('bad');
    const file = join(dir, 'bad.apkg');
    writeFileSync(file, await make());
    const r = await runCli(['import-anki', file], env(dir));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(file);
    expect(r.err).toMatch(message);
    expect(existsSync(join(dir, 'journal'))).toBe(false);
  });

  it('a missing file is named too', async () => {
    const dir = tempDir('missing');
    const r = await runCli(['import-anki', join(dir, 'nope.apkg')], env(dir));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope\.apkg: cannot be read \(ENOENT\)/);
  });
});

describe('import-anki and reviews that shared a millisecond', () => {
  it('knows its own reviews again when the export moved them apart by a millisecond', async () => {
    // Two questions reviewed in the same millisecond: their revlog ids must differ.
    const phone = homeWith([
      [Q1, 5, 3],
      [Q2, 5, 3],
    ]);
    const apkg = join(phone.dir, 'same-ms.apkg');
    await runCli(['export', '--anki', apkg, '--with-progress', '--tag', 'regularization'], env(phone.dir));
    const again = await runCli(['import-anki', apkg, '--json'], env(phone.dir));
    expect(JSON.parse(again.out)).toMatchObject({ added: 0, known: 2 });
  });
});
