import type { Step } from '../engine/optimize.js';
import { RuntimeFailure } from '../errors.js';

type Binding = typeof import('@open-spaced-repetition/binding');

/** The platform as the binding's native packages name theirs: linux-x64-gnu, darwin-arm64, win32-x64-msvc... */
export function platformName(): string {
  const base = `${process.platform}-${process.arch}`;
  if (process.platform === 'win32') return `${base}-msvc`;
  if (process.platform !== 'linux') return base;
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return `${base}-${header?.glibcVersionRuntime ? 'gnu' : 'musl'}`;
}

/**
 * The FSRS optimizer (fsrs-rs through @open-spaced-repetition/binding), loaded only by
 * `mlquiz optimize`: a native module that every other command can do without.
 */
async function loadBinding(load: () => Promise<Binding>): Promise<Binding> {
  try {
    return await load();
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    throw new RuntimeFailure(
      `the FSRS optimizer (@open-spaced-repetition/binding) has no native build for this platform (${platformName()}), so parameters cannot be fitted here; scheduling goes on with the ones in use (${why})`,
    );
  }
}

/**
 * fsrs-rs trains only on items of at most this many answers (its TrainingConfig's
 * max_seq_len) and drops longer ones; building them would cost half the time of a fit
 * over a long history and change nothing.
 */
const MAX_SEQ_LEN = 64;

/**
 * FSRS-6 parameters fitted to the histories: one training item per answer after the
 * first that came a day or more later, holding the question's answers up to it, as
 * Anki builds them. Whole days only, as the scheduler (no short-term memory, no steps).
 */
export async function fitParameters(
  hs: readonly Step[][],
  progress: (done: number, total: number) => void,
  load: () => Promise<Binding> = () => import('@open-spaced-repetition/binding'),
): Promise<number[]> {
  const b = await loadBinding(load);
  const items = [];
  for (const h of hs) {
    // One review object per answer, shared by the items that hold it.
    const reviews = h.slice(0, MAX_SEQ_LEN).map((s) => new b.FSRSBindingReview(s.rating, s.delta_t));
    for (let i = 1; i < reviews.length; i++) if (h[i]!.delta_t > 0) items.push(new b.FSRSBindingItem(reviews.slice(0, i + 1)));
  }
  return b.computeParameters(items, { enableShortTerm: false, numRelearningSteps: 0, progress: (done, total) => void progress(done, total) });
}
