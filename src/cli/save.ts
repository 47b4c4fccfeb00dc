import chalk from 'chalk';
import { MlquizError, RuntimeFailure } from '../errors.js';
import type { Progress } from '../progress/schema.js';
import type { ProgressStore } from '../progress/store.js';
import { askRetry, QUIT, type Io, type Quit } from '../ui/prompts.js';
import { write } from '../ui/question.js';

/**
 * Commits one graded answer. A disk that is full or a folder gone read-only mid-session
 * is said in one line, and the person may fix it and try again: the answer is held in
 * memory until it is saved or they choose to stop.
 */
export async function saveAnswer(io: Io, store: ProgressStore, update: (p: Progress) => Progress): Promise<Progress | Quit> {
  for (;;) {
    try {
      return await store.commit(update);
    } catch (e) {
      if (!(e instanceof RuntimeFailure)) throw e;
      write(io, chalk.red(`mlquiz: ${(e as MlquizError).message}`));
      if (!(await askRetry(io))) return QUIT;
    }
  }
}
