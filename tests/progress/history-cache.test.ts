import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyReview, openSession, upsertSession } from '../../src/engine/review.js';
import { createRng } from '../../src/engine/rng.js';
import { readSnapshot, snapshotFile } from '../../src/progress/snapshot.js';
import type { Progress } from '../../src/progress/schema.js';
import { testStore } from './open.js';
import { readRecallCache, recallCacheFile } from '../../src/cli/recall-cache.js';

/*
 * The snapshot's history: a read that finds it fitting parses only what the journals
 * gained since. Whatever happens to the journals, a read through it must give what a
 * read of every journal from the start gives.
 */

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `mlq-hist-${name}-`));
const T0 = Date.parse('2026-11-01T09:00:00.000Z');

const answer =
  (question: string, minute: number, session: string, rating: 1 | 2 | 3 | 4 = 3) =>
  (p: Progress): Progress => {
    const now = new Date(T0 + minute * 60_000);
    const known = p.sessions.find((s) => s.id === session) ?? openSession('run', now, session, [question], {});
    const next = applyReview(p, { question, rating, now, covered: rating > 2 ? [0] : [], total: 2, durationMs: 900 + minute, session: known.id });
    return upsertSession(next, { ...known, answered: known.answered + 1, questions: [...known.questions, question] });
  };

/** A read of every journal from the start, with no cache to help. */
const fresh = (dir: string) => testStore(dir).load();

describe('the history kept in the snapshot', () => {
  it('a read through it equals a full read, whatever was appended, synced, copied or replaced in between', async () => {
    const rng = createRng('history-cache');
    const dir = tmp('data');
    const cache = tmp('cache');
    const other = tmp('other');
    let minute = 0;
    for (let round = 0; round < 30; round++) {
      const r = rng();
      if (r < 0.45) {
        const store = testStore(dir, { device: 'laptop', snapshotDir: cache });
        for (let i = 0; i < 1 + Math.floor(rng() * 3); i++)
          await store.commit(answer(`q${Math.floor(rng() * 6)}`, (minute += 97), `laptop-${round}`, (1 + Math.floor(rng() * 4)) as 1 | 2 | 3 | 4));
      } else if (r < 0.7) {
        // The other machine answers, and a sync tool brings its journal over whole.
        await testStore(other, { device: 'desktop' }).commit(answer(`q${Math.floor(rng() * 6)}`, (minute += 61), `desktop-${round}`));
        mkdirSync(join(dir, 'journal'), { recursive: true });
        copyFileSync(join(other, 'journal', 'desktop.jsonl'), join(dir, 'journal', 'desktop.jsonl'));
      } else if (r < 0.8 && existsSync(join(dir, 'journal', 'laptop.jsonl'))) {
        // A sync tool's conflict copy: the same reviews again.
        copyFileSync(join(dir, 'journal', 'laptop.jsonl'), join(dir, 'journal', `laptop.sync-conflict-${round}.jsonl`));
      } else if (r < 0.9 && existsSync(join(dir, 'journal', `laptop.sync-conflict-${round - 1}.jsonl`))) {
        rmSync(join(dir, 'journal', `laptop.sync-conflict-${round - 1}.jsonl`));
      }
      const viaCache = testStore(dir, { device: 'laptop', snapshotDir: cache }).load();
      expect(viaCache).toEqual(fresh(dir));
    }
    expect(readSnapshot(snapshotFile(cache, dir, 'laptop'))?.history?.reviews.length).toBeGreaterThan(10);
  });

  it('a read with nothing new parses none of the journal: the head it kept stands for it', async () => {
    const dir = tmp('data');
    const cache = tmp('cache');
    const store = testStore(dir, { snapshotDir: cache });
    for (let i = 0; i < 3; i++) await store.commit(answer('a', i * 60, 's'));
    // A time of change in whole seconds, which the file system keeps exactly when it is put back.
    const file = join(dir, 'journal', 'this-machine.jsonl');
    utimesSync(file, 1_800_000_000, 1_800_000_000);
    const before = testStore(dir, { snapshotDir: cache }).load();
    // Garbage of the same length in the middle, the time of change put back: only a read of the head would see it.
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/"question":"a"/, '"question":"#"'));
    utimesSync(file, 1_800_000_000, 1_800_000_000);
    expect(testStore(dir, { snapshotDir: cache }).load()).toEqual(before);
    expect(() => fresh(dir)).toThrow(/question/);
  });

  it('a journal rewritten in place (same size, later time of change) or edited to another length is read again whole', async () => {
    const dir = tmp('data');
    const cache = tmp('cache');
    const store = testStore(dir, { snapshotDir: cache });
    for (let i = 0; i < 5; i++) await store.commit(answer('a', i * 1440, 's', 3));
    testStore(dir, { snapshotDir: cache }).load();
    const file = join(dir, 'journal', 'this-machine.jsonl');
    // A rating changed by hand: same length, other content.
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/"rating":3/, '"rating":4');
    expect(edited.length).toBe(text.length);
    const { mtime } = statSync(file);
    writeFileSync(file, edited);
    utimesSync(file, mtime, new Date(mtime.getTime() + 5000));
    const after = testStore(dir, { snapshotDir: cache }).load();
    expect(after.reviews[0]!.rating).toBe(4);
    expect(after).toEqual(fresh(dir));
    testStore(dir, { snapshotDir: cache }).load();
    // Edited so that its length changes, then appended to: the bytes where the snapshot's
    // reading ended are not the ones it saw there.
    writeFileSync(file, edited.replace(/"duration_ms":900,/, '"duration_ms":90000,'));
    await testStore(dir, { snapshotDir: cache }).commit(answer('b', 9000, 's2'));
    const last = testStore(dir, { snapshotDir: cache }).load();
    expect(last.reviews[0]!.duration_ms).toBe(90000);
    expect(last).toEqual(fresh(dir));
  });

  it('regression: a torn line read once is said again on every read that the snapshot spares', async () => {
    const dir = tmp('data');
    const cache = tmp('cache');
    const store = testStore(dir, { snapshotDir: cache });
    await store.commit(answer('a', 0, 's'));
    appendFileSync(join(dir, 'journal', 'this-machine.jsonl'), '{"review":{"id":"torn');
    await testStore(dir, { snapshotDir: cache }).commit(answer('b', 5, 's'));
    for (let i = 0; i < 2; i++) {
      const said: string[] = [];
      const p = testStore(dir, { snapshotDir: cache, warn: (m) => said.push(m) }).load();
      expect(p.reviews.map((r) => r.question)).toEqual(['a', 'b']);
      expect(said).toEqual([expect.stringMatching(/this-machine\.jsonl:4: an incomplete record/)]);
    }
  });

  it('a damaged or foreign snapshot is ignored, never trusted', async () => {
    const dir = tmp('data');
    const cache = tmp('cache');
    const store = testStore(dir, { snapshotDir: cache });
    for (let i = 0; i < 4; i++) await store.commit(answer(`q${i}`, i * 30, 's'));
    testStore(dir, { snapshotDir: cache }).load();
    const snap = snapshotFile(cache, dir, 'this-machine');
    expect(readSnapshot(snap)?.history?.reviews).toHaveLength(4);
    const doc = JSON.parse(readFileSync(snap, 'utf8'));
    const damaged = [
      (d: any) => (d.history.reviews.rating[1] = 9),
      (d: any) => (d.history.reviews.question[0] = 99),
      (d: any) => (d.history.reviews.at = { width: 24, text: 'x'.repeat(96) }),
      (d: any) => (d.history.reviews.id = { width: 16, text: 'short' }),
      (d: any) => d.history.reviews.total.pop(),
      (d: any) => (d.history.sessions[0].questions = [7]),
      (d: any) => (d.history.settings = { goal: { at: 'nope' } }),
      (d: any) => (d.journals['this-machine.jsonl'].end = 'AAAA'),
      // The log order: a position twice, one run far too long, not pairs.
      (d: any) => (d.history.logOrder = [0, 2, 1, 2]),
      (d: any) => (d.history.logOrder = [0, 1e9]),
      (d: any) => (d.history.logOrder = [0]),
    ];
    for (const harm of damaged) {
      const copy = structuredClone(doc);
      harm(copy);
      writeFileSync(snap, JSON.stringify(copy));
      // Refused on reading, or (a mark that does not fit its journal) when it is used.
      const { end } = copy.journals['this-machine.jsonl'];
      if (end === doc.journals['this-machine.jsonl'].end) expect(readSnapshot(snap), harm.toString()).toBeUndefined();
      expect(testStore(dir, { snapshotDir: cache }).load()).toEqual(fresh(dir));
    }
    writeFileSync(snap, '{"format":2');
    expect(testStore(dir, { snapshotDir: cache }).load()).toEqual(fresh(dir));
  });

  it('regression: a named pipe where a cache should be is passed over, never waited on', async () => {
    const dir = tmp('data');
    const cache = tmp('cache');
    await testStore(dir, { snapshotDir: cache }).commit(answer('a', 0, 's'));
    const snap = snapshotFile(cache, dir, 'this-machine');
    rmSync(snap, { force: true });
    execFileSync('mkfifo', [snap]);
    expect(testStore(dir, { snapshotDir: cache }).load()).toEqual(fresh(dir));
    const trace = recallCacheFile(cache, dir);
    execFileSync('mkfifo', [trace]);
    expect(readRecallCache(trace)).toBeUndefined();
  });

  it('is not kept while an old progress.json is a source, and is once that file is folded in', async () => {
    const dir = tmp('data');
    const cache = tmp('cache');
    const legacy = answer('old', 0, 'old-session')({ version: 4, cards: {}, reviews: [], sessions: [] });
    writeFileSync(join(dir, 'progress.json'), JSON.stringify(legacy));
    testStore(dir, { snapshotDir: cache }).load();
    expect(readSnapshot(snapshotFile(cache, dir, 'this-machine'))?.history).toBeUndefined();
    await testStore(dir, { snapshotDir: cache }).commit(answer('new', 10, 's'));
    const p = testStore(dir, { snapshotDir: cache }).load();
    expect(p.reviews.map((r) => r.question)).toEqual(['old', 'new']);
    expect(readSnapshot(snapshotFile(cache, dir, 'this-machine'))?.history?.reviews).toHaveLength(2);
    expect(p).toEqual(fresh(dir));
  });
});
