import type { Question } from '../bank/types.js';
import type { Answer, Attempt } from '../engine/answer-check.js';
import type { Rating } from '../engine/rating.js';
import type { SessionSummary } from '../engine/session-summary.js';

// `q` at a prompt: the ui's own marker, so that what the terminal returns is what loops test.
export { QUIT, type Quit } from '../ui/prompts.js';
import type { Quit } from '../ui/prompts.js';

/**
 * Everything a session loop asks of the person and tells them. The terminal adapter in
 * `cli/` implements it with the prompts of `ui/`; tests implement it with a script,
 * so a whole session runs in-process with a fixed clock.
 */
export interface Prompter {
  /** A dim line of context: the session's size and seed, where progress lives. */
  info(text: string): void;
  /** Something the person should notice (a schedule started afresh, a save that failed). */
  warn(text: string): void;
  showQuestion(q: Question, position: { index: number; total: number; label?: string }): void | Promise<void>;
  /** `order`: the bank indices of the choices in the order shown (a seeded shuffle); picks come back as bank indices. */
  attempt(q: Question, order: readonly number[]): Promise<Answer | Quit>;
  /** The verdict (for a checked answer), the model answer and the follow-ups. */
  reveal(q: Question, a: Attempt, order: readonly number[]): void | Promise<void>;
  /** The key points the person's answer covered, by index (open questions). */
  tickKeyPoints(q: Question): Promise<number[]>;
  /** The key points of an auto-graded question, shown after its verdict. */
  showKeyPoints(q: Question): void;
  /** A rating among `allowed`, with `suggested` one key away. */
  rate(ask: { message: string; suggested: Rating; allowed: Rating[] }): Promise<Rating | Quit>;
  /** After a failed save: true to try again, false to stop (the answer is then lost). */
  retrySave(): Promise<boolean>;
  summary(s: SessionSummary, file: string): void;
}
