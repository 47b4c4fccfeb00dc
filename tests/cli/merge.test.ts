import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyReview, openSession } from '../../src/engine/review.js';
import { emptyProgress, type Progress } from '../../src/progress/schema.js';
import { formatProgress } from '../../src/progress/store.js';
import { FIXED_NOW, journalOf, runCli, storedProgress } from './harness.js';

const at = (h: number) => new Date(FIXED_NOW.getTime() - h * 3_600_000);
function home(reviews: [string, number][], name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mlq-merge-${name}-`));
  let p: Progress = { ...emptyProgress(), sessions: [openSession('run', at(48), name, [], {})] };
  for (const [i, [question, h]] of reviews.entries())
    p = applyReview(p, { question, rating: 3, now: at(h), covered: [], total: 2, durationMs: 1000 + i, session: p.sessions[0]!.id });
  writeFileSync(join(dir, 'progress.json'), formatProgress(p));
  return dir;
}
const env = (dir: string) => ({ env: { MLQUIZ_HOME: dir, NO_COLOR: '1' } });

describe('mlquiz merge', () => {
  it('adds the other folder’s reviews once, says how many, and a second merge adds nothing', async () => {
    const laptop = home(
      [
        ['reg-what-and-why', 30],
        ['reg-l1-sparsity-why', 20],
      ],
      'laptop',
    );
    const desktop = home([['reg-what-and-why', 10]], 'desktop');
    const first = await runCli(['merge', laptop], env(desktop));
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Added 2 reviews and 1 session from .*laptop-\w+; 2 cards rebuilt/m);
    const merged = storedProgress(desktop);
    expect(merged.reviews.map((r) => r.question)).toEqual(['reg-what-and-why', 'reg-l1-sparsity-why', 'reg-what-and-why']);
    expect(merged.cards['reg-what-and-why']!.reps).toBe(2);
    // The old single file became the desktop's journal, kept as a backup.
    expect(readFileSync(join(desktop, 'progress.json.v4.bak'), 'utf8')).toMatch(/^\{"version":4/);
    const before = readFileSync(journalOf(desktop), 'utf8');
    const again = await runCli(['merge', join(laptop, 'progress.json')], env(desktop));
    expect(again.out).toMatch(/^Nothing to add/);
    expect(readFileSync(journalOf(desktop), 'utf8')).toBe(before);
  });

  it('--dry-run and --json report without writing', async () => {
    const laptop = home([['reg-what-and-why', 30]], 'laptop');
    const desktop = home([], 'desktop');
    const before = readFileSync(join(desktop, 'progress.json'), 'utf8');
    const r = await runCli(['merge', '--dry-run', '--json', laptop], env(desktop));
    expect(JSON.parse(r.out)).toMatchObject({ added: { reviews: 1, sessions: 1 }, known: 0, rebuilt: 1, written: false });
    expect(readFileSync(join(desktop, 'progress.json'), 'utf8')).toBe(before);
  });

  it('refuses its own file, a missing path and a corrupt file, naming it, with exit 2 and nothing changed', async () => {
    const desktop = home([['reg-what-and-why', 10]], 'desktop');
    const before = readFileSync(join(desktop, 'progress.json'), 'utf8');
    expect((await runCli(['merge', desktop], env(desktop))).err).toMatch(/this machine's own progress/);
    const missing = await runCli(['merge', '/no/such/place'], env(desktop));
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/\/no\/such\/place: no such file or folder to merge/)]);
    const bad = mkdtempSync(join(tmpdir(), 'mlq-merge-bad-'));
    writeFileSync(join(bad, 'progress.json'), '{"version":3,"cards":{},"reviews":[{"question":"x"}],"sessions":[]}');
    const corrupt = await runCli(['merge', bad], env(desktop));
    expect(corrupt.code).toBe(2);
    expect(corrupt.err).toMatch(/progress\.json: the progress file does not match the expected shape/);
    expect(readFileSync(join(desktop, 'progress.json'), 'utf8')).toBe(before);
  });
});
