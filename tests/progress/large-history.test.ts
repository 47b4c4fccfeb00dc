import { testReplay, testStore } from './open.js';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng.js';
import { emptyProgress, type Progress } from '../../src/progress/schema.js';
import { emptyFolded, eventsOf, foldInto } from '../../src/progress/fold.js';
import { inTimeOrder } from '../../src/progress/time-order.js';
import { header, line } from '../../src/progress/journal.js';
import { snapshotFile, writeSnapshot } from '../../src/progress/snapshot.js';
import { MARK_BYTES } from '../../src/progress/sources.js';
import { buildWriter } from './writer.js';

/*
 * Issue 8, item 3: on a long history a commit takes seconds, and the old mtime lease let a
 * second writer take a live writer's lock, so the last rename won and acknowledged reviews
 * were lost. Here two writers commit concurrently over a 300,000-review journal while one
 * of them is killed at seeded moments; every review a writer printed as saved must be there.
 * The cards come from a snapshot made first, as a person's cache would hold them, so that
 * the writers spend their time committing rather than replaying.
 */
const REVIEWS = 300_000;

function history(): Progress {
  const p = emptyProgress();
  const card = {
    due: '2026-11-24T09:00:00.000Z',
    stability: 2.3,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: 3,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    last_review: '2026-11-21T09:00:00.000Z',
  };
  for (let q = 0; q < 3000; q++) p.cards[`hist-${q}`] = card;
  const t0 = Date.parse('2025-01-01T00:00:00.000Z');
  for (let i = 0; i < REVIEWS; i++)
    p.reviews.push({
      question: `hist-${i % 3000}`,
      at: new Date(t0 + i * 60_000).toISOString(),
      rating: 1 + (i % 4),
      state: 2,
      covered: [0],
      total: 2,
      duration_ms: 30_000,
      session: 'history',
    });
  return p;
}

/** A journal's mark as a full read leaves it (the file ends with a whole line). */
function markOfFile(file: string) {
  const bytes = readFileSync(file);
  return { size: bytes.length, mtimeMs: statSync(file).mtimeMs, end: bytes.subarray(-MARK_BYTES).toString('base64'), warnings: [] };
}

let script: string;
beforeAll(async () => {
  script = await buildWriter();
});
// The writer is built inside node_modules (see writer.ts); each run would leave one behind.
afterAll(() => rmSync(dirname(script), { recursive: true, force: true }));

describe('a long history', () => {
  it('regression: concurrent writers over 300,000 reviews, one killed mid-commit, lose no saved review', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlq-large-'));
    const snapshots = mkdtempSync(join(tmpdir(), 'mlq-large-cache-'));
    mkdirSync(join(dir, 'journal'));
    const h = history();
    const events = eventsOf(h);
    writeFileSync(join(dir, 'journal', 'history.jsonl'), [header('history'), ...events.map(line)].join('\n') + '\n');
    // The snapshot a person's cache would hold for this journal, written as it is (a replay of
    // 300,000 reviews would take seconds, and the cards are not what this test is about).
    const folded = emptyFolded();
    foldInto(folded, [events]);
    writeSnapshot(snapshotFile(snapshots, dir, 'this-machine'), {
      scheduling: testReplay({}).key,
      journals: { 'history.jsonl': markOfFile(join(dir, 'journal', 'history.jsonl')) },
      legacy: null,
      cards: h.cards,
      history: { ...folded, ordered: inTimeOrder(folded.reviews) },
    });
    const rng = createRng('large-history');
    const saved = new Set<string>();
    const start = (name: string, n: number) => {
      const child = spawn(process.execPath, [script, dir, name, String(n)], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, WRITER_SNAPSHOT: snapshots },
      });
      child.stdout!.on('data', (d: Buffer) => {
        for (const m of d.toString().matchAll(/committed \d+ (\S+)/g)) saved.add(m[1]!);
      });
      return { child, exited: new Promise<void>((r) => child.on('exit', () => r())) };
    };
    for (let round = 0; round < 1; round++) {
      const steady = start(`steady${round}`, 20);
      const victim = start(`victim${round}`, 1000);
      // Kill the victim at a seeded moment: while it reads the history, or before, during or after one of its commits.
      await new Promise((r) => setTimeout(r, 300 + Math.floor(rng() * 1500)));
      victim.child.kill('SIGKILL');
      await Promise.all([steady.exited, victim.exited]);
      const p = testStore(dir, { snapshotDir: snapshots }).load();
      const present = new Set(p.reviews.map((r) => r.question));
      expect([...saved].filter((id) => !present.has(id))).toEqual([]);
      expect(p.reviews.length).toBeGreaterThanOrEqual(REVIEWS + saved.size);
      expect(Array.from({ length: 20 }, (_, i) => present.has(`steady${round}-${i}`)).every(Boolean)).toBe(true);
    }
  }, 180_000);
});
