import { testStore } from './open.js';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyReview } from '../../src/engine/review.js';
import { nextCard } from '../../src/engine/schedule.js';
import { acquireLock } from '../../src/progress/lock.js';
import { emptyProgress, type Progress } from '../../src/progress/schema.js';
import { parseProgress } from '../../src/progress/store.js';

const NOW = new Date('2026-11-21T09:00:00.000Z');
const tmp = () => mkdtempSync(join(tmpdir(), 'mlq-hstore-'));
const add =
  (id: string, extra: Record<string, unknown> = {}) =>
  (p: Progress) =>
    applyReview(p, { question: id, rating: 3, now: NOW, covered: [0], total: 2, durationMs: 5, session: 's', ...extra });
const CARD = {
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
const withCard = (card: Record<string, unknown>, id = 'a') => JSON.stringify({ version: 2, cards: { [id]: card }, reviews: [], sessions: [] });

describe('no code path writes what the reader refuses', () => {
  it('regression: a budget_ms beyond a safe integer is refused before the write, and the file is unchanged', async () => {
    const dir = tmp();
    const store = testStore(dir);
    await store.commit(add('a'));
    const before = readFileSync(store.file, 'utf8');
    await expect(store.commit(add('b', { budgetMs: 1e300 }))).rejects.toThrow(/refusing to write progress that would not read back/);
    expect(readFileSync(store.file, 'utf8')).toBe(before);
    expect(store.load().reviews).toHaveLength(1);
  });
});

describe('cards with impossible numbers', () => {
  it('regression: a card whose last_review is in the future is reviewed, not a crash (elapsed time clamped to 0)', () => {
    const future = { ...CARD, last_review: '2027-01-01T00:00:00.000Z', due: '2027-01-04T00:00:00.000Z' };
    const p = parseProgress(withCard(future), 'p.json').progress;
    const after = applyReview(p, { question: 'a', rating: 3, now: NOW, covered: [], total: 2, durationMs: 1, session: 's' });
    expect(after.reviews).toHaveLength(1);
    expect(after.cards.a!.last_review).toBe(NOW.toISOString());
    expect(after.cards.a!.elapsed_days).toBe(0);
  });

  it.each([
    ['stability 1e308', { stability: 1e308 }, /stability/],
    ['difficulty -1e308', { difficulty: -1e308 }, /difficulty/],
    ['a due date in year 9999', { due: '9999-01-01T00:00:00.000Z' }, /cards\.a\.due: must be a date between 1970 and 2999/],
  ])('regression: a card with %s is refused on read with the field named', (_n, over, message) => {
    expect(() => parseProgress(withCard({ ...CARD, ...over }), 'p.json')).toThrow(
      expect.objectContaining({ details: expect.arrayContaining([expect.stringMatching(message)]) }),
    );
  });

  it('a scheduler fault keeps the answer and says so, starting the card afresh', () => {
    const notes: string[] = [];
    const broken = { ...emptyProgress(), cards: { a: { ...CARD, state: 7 } } } as Progress;
    const after = applyReview(broken, { question: 'a', rating: 3, now: NOW, covered: [], total: 2, durationMs: 1, session: 's' }, (m) => notes.push(m));
    expect(after.reviews).toHaveLength(1);
    expect(after.cards.a).toEqual(nextCard(undefined, NOW, 3));
    expect(notes).toEqual([expect.stringMatching(/stored schedule of "a" could not be advanced/)]);
  });

  it('regression: a __proto__ card key is refused on read, not silently dropped on the next write', () => {
    const text = '{"version":2,"cards":{"__proto__":' + JSON.stringify(CARD) + '},"reviews":[],"sessions":[]}';
    expect(() => parseProgress(text, 'p.json')).toThrow(
      expect.objectContaining({ details: [expect.stringMatching(/cards\.__proto__: must be a question id/)] }),
    );
  });
});

describe('files that are not what they seem', () => {
  it('regression: a FIFO progress.json is refused at once, never opened for reading (no hang)', () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'progress.json')]);
    expect(() => testStore(dir).load()).toThrow(/is a named pipe \(FIFO\), not a regular file/);
  });

  it('regression: a progress.json that is a symlink to /dev/zero is refused instead of read without bound', () => {
    const dir = tmp();
    execFileSync('ln', ['-s', '/dev/zero', join(dir, 'progress.json')]);
    expect(() => testStore(dir).load()).toThrow(/is a character device, not a regular file/);
  });

  it('regression: a regular file named as the lock says to remove the stray file, at once', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'journal'));
    writeFileSync(join(dir, 'journal', 'this-machine.lock'), '');
    const t = Date.now();
    await expect(testStore(dir).commit(add('a'))).rejects.toThrow(`Remove the stray file ${join(dir, 'journal', 'this-machine.lock')}`);
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('regression: --data-dir naming a file is a usage error saying it is not a folder', async () => {
    const dir = tmp();
    const file = join(dir, 'notadir');
    writeFileSync(file, 'x');
    await expect(testStore(file).commit(add('a'))).rejects.toThrow(/is a file, not a folder/);
    expect(() => testStore(file).checkWritable()).toThrow(/is a file, not a folder/);
  });

  it('regression: an existing backup is never overwritten, and a folder in its place is stepped over', async () => {
    const dir = tmp();
    const file = join(dir, 'progress.json');
    const v1 = JSON.stringify({ version: 1, cards: {}, reviews: [], sessions: [] });
    writeFileSync(`${file}.v1.bak`, 'an older backup');
    mkdirSync(`${file}.v1.1.bak`);
    writeFileSync(file, v1);
    await testStore(dir).commit(add('a'));
    expect(readFileSync(`${file}.v1.bak`, 'utf8')).toBe('an older backup');
    expect(readFileSync(`${file}.v1.2.bak`, 'utf8')).toBe(v1);
  });

  it('regression: temporary files left by a killed writer are removed by the next commit', async () => {
    const dir = tmp();
    for (const name of ['progress.json.123456789', 'progress.json.tmp-99999-deadbeef']) writeFileSync(join(dir, name), '{"partial');
    mkdirSync(join(dir, 'journal'));
    writeFileSync(join(dir, 'journal', 'this-machine.jsonl.tmp-99999-deadbeef'), 'mlquiz write check\n');
    await testStore(dir).commit(add('a'));
    expect(readdirSync(dir).sort()).toEqual(['journal']);
    expect(readdirSync(join(dir, 'journal')).sort()).toEqual(['this-machine.jsonl']);
  });
});

describe('the lock', () => {
  it('regression: a writer whose lock is taken over does not append; it starts again and both reviews are kept', async () => {
    const dir = tmp();
    const lock = join(dir, 'journal', 'this-machine.lock');
    let stolen = false;
    const store = testStore(dir, {
      beforeAppend() {
        if (stolen) return;
        stolen = true;
        // Another process judges the lock stale, takes it, commits its own review and leaves.
        renameSync(lock, `${lock}.gone`);
        rmSync(`${lock}.gone`, { recursive: true });
        void testStore(dir).commit(add('other'));
      },
    });
    await store.commit(add('mine'));
    expect(
      store
        .load()
        .reviews.map((r) => r.question)
        .sort(),
    ).toEqual(['mine', 'other']);
  });

  it('a lock whose owner process is gone is taken at once, without waiting for a lease to run out', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'journal', 'this-machine.lock'), { recursive: true });
    writeFileSync(
      join(dir, 'journal', 'this-machine.lock', 'owner.json'),
      JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), token: 'dead', at: Date.now() }),
    );
    const t = Date.now();
    await testStore(dir).commit(add('a'));
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('a live owner is waited for, and the message names it when the wait runs out', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'journal'));
    const held = await acquireLock(join(dir, 'journal', 'this-machine.lock'));
    await expect(testStore(dir, { lock: { timeoutMs: 100 } }).commit(add('a'))).rejects.toThrow(
      `another mlquiz (pid ${process.pid}) has held the progress lock`,
    );
    held.release();
    await testStore(dir).commit(add('a'));
  });
});

// A tiny file system of our own: a full disk and a read-only one, as root can make them.
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) execFileSync('umount', ['-l', m]);
});
const canMount = process.getuid?.() === 0;
describe.runIf(canMount || process.env.CI)('full and read-only disks (tmpfs)', () => {
  const mount = (opts: string) => {
    const m = tmp();
    execFileSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', m]);
    mounts.push(m);
    return m;
  };

  it('regression: a full disk says "disk full", loses no earlier review and leaves no partial file', async () => {
    const m = mount('size=64k');
    const store = testStore(m);
    await store.commit(add('a'));
    writeFileSync(join(m, 'filler'), Buffer.alloc(40 * 1024));
    const big = (p: Progress) => ({
      ...add('b')(p),
      sessions: [
        {
          id: 'x',
          kind: 'run' as const,
          started_at: NOW.toISOString(),
          ended_at: null,
          status: 'in-progress' as const,
          questions: Array.from({ length: 3000 }, (_, i) => `question-${i}`),
          answered: 0,
        },
      ],
    });
    await expect(store.commit(big)).rejects.toThrow(/the disk is full/);
    expect(store.load().reviews.map((r) => r.question)).toEqual(['a']);
    expect(readdirSync(m).sort()).toEqual(['filler', 'journal']);
    expect(readdirSync(join(m, 'journal')).sort()).toEqual(['this-machine.jsonl']);
    rmSync(join(m, 'filler'));
    await store.commit(big);
    expect(store.load().reviews.map((r) => r.question)).toEqual(['a', 'b']);
  });

  it('regression: a read-only data folder says "read-only" before the first question, at once', () => {
    const m = mount('ro,size=64k');
    const t = Date.now();
    expect(() => testStore(join(m)).checkWritable()).toThrow(/the file system is read-only/);
    expect(Date.now() - t).toBeLessThan(2000);
    expect(readdirSync(m)).toEqual([]);
  });
});
