import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyReview, openSession } from '../../src/engine/review.js';
import type { Rating } from '../../src/engine/rating.js';
import { emptyProgress, type Progress } from '../../src/progress/schema.js';
import { formatProgress } from '../../src/progress/store.js';
import { FIXED_NOW } from '../cli/harness.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Questions of the shipped regularization bank, reviewed in the fixtures below. */
export const Q1 = 'reg-what-and-why';
export const Q2 = 'reg-l1-sparsity-why';

/** A data folder whose history holds these reviews: [question, hours before FIXED_NOW, rating]. */
export function homeWith(reviews: [string, number, Rating][], name = 'home'): { dir: string; progress: Progress } {
  const dir = mkdtempSync(join(tmpdir(), `mlq-anki-${name}-`));
  const session = openSession('run', new Date(FIXED_NOW.getTime() - 30 * DAY), name, [], {});
  let progress: Progress = { ...emptyProgress(), sessions: [session] };
  for (const [i, [question, hours, rating]] of reviews.entries())
    progress = applyReview(progress, {
      question,
      rating,
      now: new Date(FIXED_NOW.getTime() - hours * HOUR),
      covered: [0],
      total: 3,
      durationMs: 20_000 + i,
      session: session.id,
    });
  writeFileSync(join(dir, 'progress.json'), formatProgress(progress));
  return { dir, progress };
}

export const env = (dir: string) => ({ env: { MLQUIZ_HOME: dir, NO_COLOR: '1' } });
export const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `mlq-anki-${name}-`));
