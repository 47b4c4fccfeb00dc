import chalk from 'chalk';
import type { Prompter } from '../session/prompter.js';
import { askRetry, type Io } from '../ui/prompts.js';
import { attempt, grade, reveal, showQuestion, write } from '../ui/question.js';
import { renderSummary } from '../ui/session-summary-view.js';

/** The session's prompter on a real terminal: the prompts and views of `ui/`. */
export function terminalPrompter(io: Io, width: number): Prompter {
  return {
    info: (text) => write(io, chalk.dim(text)),
    warn: (text) => write(io, chalk.yellow(text)),
    showQuestion: (q, position) => showQuestion(io, q, position, width),
    attempt: (q) => attempt(io, q),
    reveal: (q, a) => reveal(io, q, a, width),
    grade: (q, a, timing) => grade(io, q, a, timing),
    retrySave: () => askRetry(io),
    summary: (s, file) => renderSummary(io, s, file),
  };
}
