import { testStore } from './open.js';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng.js';
import { emptyProgress, type Progress } from '../../src/progress/schema.js';
import { formatProgress } from '../../src/progress/store.js';
import { buildWriter } from './writer.js';

/*
 * Issue 8, item 3: on a long history a commit takes seconds, and the old mtime lease let a
 * second writer take a live writer's lock, so the last rename won and acknowledged reviews
 * were lost. Here two writers commit concurrently over a 300,000-review history while one
 * of them is killed at seeded moments; every review a writer printed as saved must be there.
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

let script: string;
beforeAll(async () => {
  script = await buildWriter();
});

describe('a long history', () => {
  it('regression: concurrent writers over 300,000 reviews, one killed mid-commit, lose no saved review', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlq-large-'));
    writeFileSync(join(dir, 'progress.json'), formatProgress(history()));
    const rng = createRng('large-history');
    const saved = new Set<string>();
    const start = (name: string, n: number) => {
      const child = spawn(process.execPath, [script, dir, name, String(n)], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout!.on('data', (d: Buffer) => {
        for (const m of d.toString().matchAll(/committed \d+ (\S+)/g)) saved.add(m[1]!);
      });
      return { child, exited: new Promise<void>((r) => child.on('exit', () => r())) };
    };
    for (let round = 0; round < 1; round++) {
      const steady = start(`steady${round}`, 3);
      const victim = start(`victim${round}`, 3);
      // Kill the victim at a seeded moment: before, during or after one of its commits.
      await new Promise((r) => setTimeout(r, 500 + Math.floor(rng() * 4000)));
      victim.child.kill('SIGKILL');
      await Promise.all([steady.exited, victim.exited]);
      const p = testStore(dir).load();
      const present = new Set(p.reviews.map((r) => r.question));
      expect([...saved].filter((id) => !present.has(id))).toEqual([]);
      expect(p.reviews.length).toBeGreaterThanOrEqual(REVIEWS + saved.size);
      expect([0, 1, 2].every((i) => present.has(`steady${round}-${i}`))).toBe(true);
    }
  }, 180_000);
});
