import { testStore } from './open.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyReview } from '../../src/engine/review.js';
import { emptyProgress, schemas } from '../../src/progress/schema.js';
import { parseProgress } from '../../src/progress/store.js';
import { createRng } from '../../src/engine/rng.js';
import { buildWriter } from './writer.js';

const NOW = new Date('2026-11-21T09:00:00.000Z');
const tmp = () => mkdtempSync(join(tmpdir(), 'mlq-store-'));
const add =
  (id: string, session = 's') =>
  (p: ReturnType<typeof emptyProgress>) =>
    applyReview(p, { question: id, rating: 3, now: NOW, covered: [0], total: 2, durationMs: 5, session });

describe('progress store', () => {
  it('a missing file is empty progress and load never creates it', () => {
    const dir = tmp();
    expect(testStore(dir).load()).toEqual(emptyProgress());
    expect(existsSync(join(dir, 'progress.json'))).toBe(false);
  });

  it('commits validate on read back', async () => {
    const dir = join(tmp(), 'nested', 'home');
    const store = testStore(dir);
    await store.commit(add('a'));
    await store.commit(add('b'));
    const p = store.load();
    expect(p.reviews.map((r) => r.question)).toEqual(['a', 'b']);
    // The journal is JSON Lines: a header, then each record valid on its own.
    const [head, ...records] = readFileSync(store.file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(head).toEqual({ mlquiz: 'journal', version: 4, device: 'this-machine' });
    const { reviewSchema, sessionSchema } = schemas();
    expect(records.filter((r) => r.review).map((r) => reviewSchema.safeParse(r.review).success)).toEqual([true, true]);
    expect(records.filter((r) => r.session).every((r) => sessionSchema.safeParse(r.session).success)).toBe(true);
    expect(p).toEqual(testStore(dir).load());
  });

  it('two stores committing at once lose nothing (each commit re-reads under the lock)', async () => {
    const dir = tmp();
    const a = testStore(dir);
    const b = testStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).commit(add(`q${i}`))));
    expect(a.load().reviews).toHaveLength(20);
  });

  it.each([
    ['not JSON', '{"version": 1, "cards": {', /:1:26: the progress file is not valid JSON/],
    ['the wrong shape', '{"version": 1, "cards": [], "reviews": [], "sessions": []}', /does not match the expected shape/],
    ['a newer version', '{"version": 99, "cards": {}, "reviews": [], "sessions": []}', /progress version 99 is newer than this mlquiz understands \(4\)/],
    ['no version', '{"cards": {}}', /"version" must be a whole number/],
  ])('a file with %s is refused by load and commit, and left byte-for-byte', async (_name, content, message) => {
    const dir = tmp();
    const file = join(dir, 'progress.json');
    writeFileSync(file, content);
    const store = testStore(dir);
    expect(() => store.load()).toThrow(message);
    await expect(store.commit(add('a'))).rejects.toThrow(message);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('names the field that fails validation', () => {
    const bad = { ...emptyProgress(), reviews: [{ question: 'a', at: 'yesterday', rating: 9 }] };
    try {
      parseProgress(JSON.stringify(bad), 'p.json');
      expect.unreachable();
    } catch (e) {
      expect((e as { details: string[] }).details.join('\n')).toMatch(/reviews\.0\.at: .*\n.*reviews\.0\.rating/);
    }
  });

  it('migrates a version 1 file forward on the first commit and keeps it as a backup', async () => {
    const dir = tmp();
    const file = join(dir, 'progress.json');
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
    const review = { question: 'a', at: '2026-11-21T09:00:00.000Z', rating: 3, covered: [], total: 2, duration_ms: 5, session: 's' };
    // Version 1 kept the whole card before each review, null for a first review.
    const old = JSON.stringify(
      {
        version: 1,
        cards: { a: card },
        reviews: [
          { ...review, state: null },
          { ...review, state: card },
        ],
        sessions: [],
      },
      null,
      1,
    );
    writeFileSync(file, old);
    const store = testStore(dir);
    expect(store.load().reviews.map((r) => r.state)).toEqual([0, 2]);
    expect(readFileSync(file, 'utf8')).toBe(old); // reading never writes
    await store.commit(add('b'));
    expect(readFileSync(`${file}.v1.bak`, 'utf8')).toBe(old);
    // Folded into this machine's journal and no longer read as a file of its own.
    expect(existsSync(file)).toBe(false);
    expect(testStore(dir).load()).toMatchObject({ version: 4, reviews: [{ state: 0 }, { state: 2 }, { question: 'b', state: 0 }] });
  });

  it('applies injected migration steps in order', () => {
    const old = JSON.stringify({ version: 0, cards: {}, log: [], sessions: [] });
    const steps = {
      0: ({ log, ...rest }: Record<string, unknown>) => ({ ...rest, reviews: log }),
      1: (d: Record<string, unknown>) => d,
      2: (d: Record<string, unknown>) => d,
      3: (d: Record<string, unknown>) => d,
    };
    expect(parseProgress(old, 'p.json', steps)).toEqual({ progress: { version: 4, cards: {}, reviews: [], sessions: [] }, migratedFrom: 0 });
  });
});

describe('the goal in the progress file (version 3)', () => {
  const goal = { date: '2026-12-20', tags: ['statistics'], minutes: 30, set_at: NOW.toISOString() };

  it('a version 2 file is read as one without a goal; the first write keeps it as a backup and never overwrites an older backup', async () => {
    const dir = tmp();
    const file = join(dir, 'progress.json');
    const v2 = JSON.stringify({ version: 2, cards: {}, reviews: [], sessions: [] });
    writeFileSync(file, v2);
    writeFileSync(`${file}.v2.bak`, 'an earlier backup');
    const store = testStore(dir);
    expect(store.load()).toEqual(emptyProgress());
    await store.commit((p) => ({ ...p, goal }));
    expect(readFileSync(`${file}.v2.bak`, 'utf8')).toBe('an earlier backup');
    expect(readFileSync(`${file}.v2.1.bak`, 'utf8')).toBe(v2);
    expect(existsSync(file)).toBe(false);
    expect(testStore(dir).load()).toEqual({ version: 4, goal, cards: {}, reviews: [], sessions: [] });
  });

  it.each([
    ['a day that does not exist', { ...goal, date: '2026-02-30' }, /goal\.date: must be a calendar date/],
    ['a date that is not one', { ...goal, date: 'next friday' }, /goal\.date: must be a date, YYYY-MM-DD/],
    ['minutes that are not positive', { ...goal, minutes: 0 }, /goal\.minutes/],
    ['an unknown field', { ...goal, hours: 1 }, /goal: Unrecognized key/],
  ])('a stored goal with %s is refused on read, naming the field, and the file is left as it was', async (_name, bad, message) => {
    const dir = tmp();
    const file = join(dir, 'progress.json');
    const text = JSON.stringify({ version: 3, goal: bad, cards: {}, reviews: [], sessions: [] });
    writeFileSync(file, text);
    const store = testStore(dir);
    try {
      store.load();
      expect.unreachable();
    } catch (e) {
      expect((e as { details: string[] }).details.join('\n')).toMatch(message);
    }
    await expect(store.commit((p) => p)).rejects.toThrow(/does not match the expected shape/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('a goal that would not read back is never written', async () => {
    const store = testStore(tmp());
    await expect(store.commit((p) => ({ ...p, goal: { ...goal, minutes: -5 } }))).rejects.toThrow(/refusing to write progress/);
    expect(existsSync(store.file)).toBe(false);
  });
});

describe('across processes', () => {
  let script: string;
  beforeAll(async () => {
    script = await buildWriter();
  });
  // The writer is built inside node_modules (see writer.ts); each run would leave one behind.
  afterAll(() => rmSync(dirname(script), { recursive: true, force: true }));

  const writer = (dir: string, name: string, n: number) => spawn(process.execPath, [script, dir, name, String(n)], { stdio: ['ignore', 'pipe', 'inherit'] });

  it("two sessions at once do not lose each other's reviews", async () => {
    const dir = tmp();
    const done = (c: ReturnType<typeof writer>) => new Promise((r) => c.on('exit', r));
    await Promise.all([done(writer(dir, 'a', 15)), done(writer(dir, 'b', 15))]);
    const p = testStore(dir).load();
    expect(p.reviews).toHaveLength(30);
    expect(Object.keys(p.cards)).toHaveLength(30);
  });

  it('SIGKILL at random points during commits, 50 times: every acknowledged review is there, at most the one in flight is extra, and the data reads', async () => {
    const dir = tmp();
    const acked = new Set<string>();
    const rng = createRng('kill-test');
    for (let round = 0; round < 50; round++) {
      const child = writer(dir, `r${round}`, 1000);
      let out = '';
      const started = new Promise<void>((ok) =>
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          ok();
        }),
      );
      await started;
      // Then at a different moment each round: mid-append as often as not.
      await new Promise((r) => setTimeout(r, Math.floor(rng() * 40)));
      child.kill('SIGKILL');
      // 'close': the pipe is drained too, so every line the writer printed is counted.
      await new Promise((r) => child.on('close', r));
      for (const m of out.matchAll(/committed \d+ (\S+)\n/g)) acked.add(m[1]!);
      const warnings: string[] = [];
      const p = testStore(dir, { warn: (w) => warnings.push(w) }).load();
      const have = new Set(p.reviews.map((r) => r.question));
      expect([...acked].filter((q) => !have.has(q))).toEqual([]);
      expect(p.reviews.length).toBeLessThanOrEqual(acked.size + round + 1);
      expect(warnings.every((w) => /incomplete/.test(w))).toBe(true);
    }
    expect(acked.size).toBeGreaterThan(50);
  }, 120_000);
});
