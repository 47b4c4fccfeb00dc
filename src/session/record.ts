import { applyReview, upsertSession, type ReviewInput } from '../engine/review.js';
import { MlquizError, RuntimeFailure } from '../errors.js';
import type { Progress, Session } from '../progress/schema.js';
import type { ProgressStore } from '../progress/store.js';
import { QUIT, type Prompter, type Quit } from './prompter.js';

/**
 * The one place an answer is recorded: the review, the session record as it now stands,
 * one commit. A disk that is full or a folder gone read-only is said in one line and
 * the person may fix it and try again: the answer is held until it is saved or they
 * choose to stop (QUIT).
 */
export async function recordAnswer(store: ProgressStore, prompter: Prompter, input: ReviewInput, session: Session): Promise<Progress | Quit> {
  for (;;) {
    const notes: string[] = [];
    try {
      const progress = await store.commit((p) => {
        notes.length = 0;
        return upsertSession(
          applyReview(p, input, (m) => notes.push(m)),
          session,
        );
      });
      for (const n of notes) prompter.warn(`Note: ${n}.`);
      return progress;
    } catch (e) {
      if (!(e instanceof RuntimeFailure)) throw e;
      prompter.warn(`mlquiz: ${(e as MlquizError).message}`);
      if (!(await prompter.retrySave())) return QUIT;
    }
  }
}

/** Records how a session ended, if it recorded anything at all. */
export async function closeSession(store: ProgressStore, session: Session): Promise<Progress> {
  return store.commit((p) => upsertSession(p, session));
}
