import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testStore, readOther } from './open.js';
import { describe, expect, it } from 'vitest';
import { UTC } from '../../src/engine/days.js';
import { replayCards } from '../../src/engine/replay.js';
import { schedulingOf } from '../../src/engine/schedule.js';
import { applyReview, openSession, upsertSession } from '../../src/engine/review.js';
import { createRng } from '../../src/engine/rng.js';
import { resolveDevice } from '../../src/progress/device.js';
import { parseJournal } from '../../src/progress/journal.js';
import type { Progress } from '../../src/progress/schema.js';
import { snapshotFile } from '../../src/progress/snapshot.js';
import { parseProgress } from '../../src/progress/store.js';

const tmp = (name = 'j') => mkdtempSync(join(tmpdir(), `mlq-${name}-`));
const T0 = Date.parse('2026-11-01T09:00:00.000Z');
const review =
  (question: string, minute: number, session = 's', rating: 1 | 2 | 3 | 4 = 3) =>
  (p: Progress) =>
    applyReview(p, { question, rating, now: new Date(T0 + minute * 60_000), covered: [0], total: 2, durationMs: 1000, session });
const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('the journal', () => {
  it('a graded answer appends one line and flushes it; the whole history is not rewritten', async () => {
    const dir = tmp();
    const store = testStore(dir, { device: 'laptop' });
    await store.commit(review('a', 0));
    const first = readFileSync(store.file, 'utf8');
    await store.commit(review('b', 1));
    const second = readFileSync(store.file, 'utf8');
    expect(second.startsWith(first)).toBe(true);
    expect(second.slice(first.length).trimEnd().split('\n')).toHaveLength(1);
    expect(readdirSync(join(dir, 'journal'))).toEqual(['laptop.jsonl']);
  });

  it('regression: a torn last line (a crash mid-append) is ignored with a warning naming its line, and never rewritten away', async () => {
    const dir = tmp();
    const store = testStore(dir);
    await store.commit(review('a', 0));
    appendFileSync(store.file, '{"review":{"id":"x","question":"b","at":"2026-');
    const torn = readFileSync(store.file, 'utf8');
    const warnings: string[] = [];
    const again = testStore(dir, { warn: (w) => warnings.push(w) });
    expect(again.load().reviews.map((r) => r.question)).toEqual(['a']);
    expect(warnings).toEqual([`${store.file}:3: the last record is incomplete (mlquiz was stopped while saving it) and is ignored`]);
    await again.commit(review('c', 2));
    // The torn bytes stay where they were; the next record starts on a line of its own.
    expect(readFileSync(store.file, 'utf8').startsWith(`${torn}\n`)).toBe(true);
    warnings.length = 0;
    expect(again.load().reviews.map((r) => r.question)).toEqual(['a', 'c']);
    expect(warnings).toEqual([expect.stringMatching(/:3: an incomplete record .* is ignored$/)]);
  });

  it('a record that is JSON but wrong is an error naming the file, line and field, and nothing is written', async () => {
    const dir = tmp();
    const store = testStore(dir);
    await store.commit(review('a', 0));
    appendFileSync(store.file, '{"review":{"question":"b","at":"yesterday","rating":3,"state":0,"covered":[],"total":2,"duration_ms":1,"session":"s"}}\n');
    const before = readFileSync(store.file, 'utf8');
    expect(() => testStore(dir).load()).toThrow(`${store.file}:3: review.at: `);
    await expect(testStore(dir).commit(review('c', 1))).rejects.toThrow(/:3: review\.at/);
    expect(readFileSync(store.file, 'utf8')).toBe(before);
  });

  it('a journal from a newer mlquiz is refused, and left byte for byte', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'journal'));
    const file = join(dir, 'journal', 'desktop.jsonl');
    const text = '{"mlquiz":"journal","version":9,"device":"desktop"}\n{"future":true}\n';
    writeFileSync(file, text);
    expect(() => testStore(dir).load()).toThrow(/progress version 9 is newer than this mlquiz understands \(4\)/);
    await expect(testStore(dir).commit(review('a', 0))).rejects.toThrow(/newer/);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(existsSync(join(dir, 'journal', 'this-machine.jsonl'))).toBe(false);
  });

  it('what parseJournal reads back is what the store wrote', async () => {
    const dir = tmp();
    const store = testStore(dir);
    const s = openSession('run', new Date(T0), 'seed', ['a'], {});
    await store.commit((p) => upsertSession(review('a', 0, s.id)(p), { ...s, answered: 1 }));
    await store.commit((p) => ({ ...p, goal: { date: '2026-12-20', tags: [], minutes: 30, set_at: new Date(T0).toISOString() } }));
    const parsed = parseJournal(readFileSync(store.file, 'utf8'), store.file);
    expect(parsed).toMatchObject({ version: 4, device: 'this-machine', warnings: [] });
    expect(parsed.events.map((e) => Object.keys(e)[0])).toEqual(['review', 'session', 'set']);
  });
});

describe('what a commit writes', () => {
  it('reviews an update sorts in among the old ones (a merge) are written as well as ones it appends', async () => {
    const dir = tmp();
    const store = testStore(dir);
    await store.commit(review('a', 10));
    await store.commit(review('b', 20));
    // An update that adds one review before the others and one after them, as a merge of an older history does.
    await store.commit((p) => {
      const early = review('c', 0)(p).reviews.at(-1)!;
      const late = review('d', 30)(p).reviews.at(-1)!;
      return { ...p, reviews: [early, ...p.reviews, late] };
    });
    expect(
      testStore(dir)
        .load()
        .reviews.map((r) => r.question),
    ).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('cards after commits', () => {
  it('regression: a commit that changes the scheduling and adds reviews, then one more review: the cards are a replay under the new scheduling', async () => {
    const dir = tmp();
    const store = testStore(dir);
    for (let i = 0; i < 6; i++) await store.commit(review(`q${i % 2}`, i * 60 * 24 * 3));
    // A first commit makes the store's per-question index; this one changes the retention and adds a review.
    await store.commit((p) => ({ ...review('q0', 60 * 24 * 20)(p), fsrs: { retention: 0.8 } }));
    // Between that review and the one before it: only a replay of the question puts it in its place.
    const p = await store.commit(review('q0', 60 * 24 * 17, 's', 2));
    expect(p.cards).toEqual(replayCards(p.reviews, schedulingOf(p, UTC)));
    expect(testStore(dir).load().cards).toEqual(p.cards);
  });

  it('a review older than its question’s latest (a clock set back) is sorted in, and the card is the replay', async () => {
    const dir = tmp();
    const store = testStore(dir);
    await store.commit(review('a', 0));
    await store.commit(review('a', 60 * 24 * 10));
    const p = await store.commit(review('a', 60 * 24 * 4, 's', 1));
    expect(p.reviews.map((r) => r.at)).toEqual([...p.reviews.map((r) => r.at)].sort());
    expect(p.cards).toEqual(replayCards(p.reviews));
  });
});

describe('migration', () => {
  it.each([2, 3])(
    'a real version-%i progress.json is read as it was, folded into the journal on the first write, and kept as progress.json.v%i.bak',
    async (v) => {
      const dir = tmp();
      const text = readFileSync(join(FIXTURES, `progress-v${v}.json`), 'utf8');
      writeFileSync(join(dir, 'progress.json'), text);
      const old = parseProgress(text, 'fixture').progress;
      const store = testStore(dir);
      const before = store.load();
      expect(before.reviews).toHaveLength(24);
      // The cards are replayed from the reviews, and agree with the ones the old file stored.
      expect(before.cards).toEqual(old.cards);
      expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toBe(text); // reading never writes
      await store.commit(review('reg-what-and-why', 60 * 24 * 40));
      expect(readFileSync(join(dir, `progress.json.v${v}.bak`), 'utf8')).toBe(text);
      expect(existsSync(join(dir, 'progress.json'))).toBe(false);
      const after = testStore(dir).load();
      expect(after.reviews).toHaveLength(25);
      expect(after.sessions).toEqual(old.sessions);
      expect(after.goal).toEqual(old.goal);
      expect(after.cards).toEqual(replayCards(after.reviews));
    },
  );
});

describe('the snapshot (a cache of the replayed cards)', () => {
  it('is used when it fits, brought up to date when the journal grew, rebuilt when missing or damaged; the cards always equal a replay', async () => {
    const dir = tmp();
    const cache = tmp('cache');
    const store = testStore(dir, { snapshotDir: cache });
    for (let i = 0; i < 30; i++) await store.commit(review(`q${i % 7}`, i * 600, 's', ((i % 4) + 1) as 1 | 2 | 3 | 4));
    const check = () => {
      const p = testStore(dir, { snapshotDir: cache }).load();
      expect(p.cards).toEqual(replayCards(p.reviews));
      return p;
    };
    check();
    const snap = snapshotFile(cache, dir, 'this-machine');
    expect(existsSync(snap)).toBe(true);
    // Stale: more reviews since it was written.
    await testStore(dir).commit(review('q3', 30 * 600, 's', 1));
    expect(check().cards.q3!.lapses).toBeGreaterThan(0);
    // Damaged, or a lie: not trusted.
    writeFileSync(snap, '{"format":1,"scheduling":"fsrs-default","journals":{},"legacy":null,"cards":{"q1":{"due":"nonsense"}}}');
    check();
    rmSync(snap);
    check();
  });
});

describe('device ids', () => {
  it('MLQUIZ_DEVICE names the device; one that is not a slug is a usage error', () => {
    expect(resolveDevice('desk-1', undefined)).toBe('desk-1');
    expect(() => resolveDevice('../etc', undefined)).toThrow(/MLQUIZ_DEVICE="..\/etc" is not a device id/);
  });

  it('is made once and kept in the config folder, outside the data folder', () => {
    const config = tmp('config');
    const id = resolveDevice(undefined, config);
    expect(id).toMatch(/^[a-z0-9][a-z0-9_-]*-[0-9a-f]{8}$/);
    expect(resolveDevice(undefined, config)).toBe(id);
    expect(readFileSync(join(config, 'device-id'), 'utf8')).toBe(`${id}\n`);
    expect(resolveDevice(undefined, tmp('config'))).not.toBe(id);
  });
});

/** Two machines and a sync tool that copies each other's journal across now and then. */
describe('two machines sharing a synced data folder', () => {
  /** What a sync tool does: the file a machine changed goes to the other (a copy it only received is never newer). */
  const sync = (from: string, to: string) => {
    const own = `${from.includes('laptop') ? 'laptop' : 'desktop'}.jsonl`;
    if (!existsSync(join(from, 'journal', own))) return;
    mkdirSync(join(to, 'journal'), { recursive: true });
    copyFileSync(join(from, 'journal', own), join(to, 'journal', own));
  };

  it('sessions on both, synced both ways at random points: each sees the union, no review twice, cards equal to a replay', async () => {
    const rng = createRng('two-machines');
    const laptop = tmp('laptop');
    const desktop = tmp('desktop');
    const machines = [
      { dir: laptop, device: 'laptop' },
      { dir: desktop, device: 'desktop' },
    ];
    let minute = 0;
    let made = 0;
    for (let round = 0; round < 40; round++) {
      const m = machines[Math.floor(rng() * 2)]!;
      const store = testStore(m.dir, { device: m.device });
      store.load();
      const n = 1 + Math.floor(rng() * 4);
      for (let i = 0; i < n; i++, made++) await store.commit(review(`q${Math.floor(rng() * 9)}`, (minute += 37), `${m.device}-${round}`));
      // Copy a file one way (only the other machine's own file: each writes only its own) or both ways.
      const r = rng();
      if (r < 0.3) sync(laptop, desktop);
      else if (r < 0.6) sync(desktop, laptop);
      else if (r < 0.8) {
        sync(laptop, desktop);
        sync(desktop, laptop);
      }
    }
    sync(laptop, desktop);
    sync(desktop, laptop);
    // A sync tool's conflict copy and a restored backup: the same reviews again.
    copyFileSync(join(laptop, 'journal', 'laptop.jsonl'), join(laptop, 'journal', 'laptop.sync-conflict-20261102.jsonl'));
    const a = testStore(laptop, { device: 'laptop' }).load();
    const b = testStore(desktop, { device: 'desktop' }).load();
    expect(a.reviews).toHaveLength(made);
    expect(new Set(a.reviews.map((r) => r.id)).size).toBe(made);
    expect(b.reviews).toEqual(a.reviews);
    expect(b.sessions).toEqual(a.sessions);
    expect(a.cards).toEqual(replayCards(a.reviews));
    expect(b.cards).toEqual(a.cards);
  });

  it('a commit on one machine after the other machine’s file arrived mid-session counts both', async () => {
    const laptop = tmp('laptop');
    const desktop = tmp('desktop');
    const mine = testStore(laptop, { device: 'laptop' });
    mine.load();
    await testStore(desktop, { device: 'desktop' }).commit(review('a', 0));
    sync(desktop, laptop);
    const p = await mine.commit(review('a', 60 * 24 * 3));
    expect(p.reviews.map((r) => r.question)).toEqual(['a', 'a']);
    expect(p.cards.a!.reps).toBe(2);
  });
});

describe('merge sources', () => {
  it('reads another data folder (its journals), one journal file, or a progress file', async () => {
    const other = tmp('other');
    const store = testStore(other, { device: 'desk' });
    await store.commit(review('a', 0));
    await store.commit(review('b', 1));
    expect(readOther(other).progress.reviews).toHaveLength(2);
    expect(readOther(store.file).progress.cards).toEqual(store.load().cards);
    expect(() => readOther(tmp('empty'))).toThrow(/no mlquiz progress here/);
  });
});
