import { repeatFlag } from '../format/shell.js';
import chalk from 'chalk';
import type { SessionSummary } from '../engine/session-summary.js';
import { formatDuration } from '../format/time.js';
import type { Io } from './prompts.js';

export function renderSummary(io: Io, s: SessionSummary, file: string): void {
  const w = (t = '') => io.output.write(t + '\n');
  w(chalk.bold('\nSession over'));
  if (s.answered === 0) {
    w('No answer was graded, so nothing changed.');
    return;
  }
  const ratings = Object.entries(s.ratings)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n}`)
    .join(', ');
  w(`  answered   ${s.answered} (${ratings})`);
  w(`  time       ${formatDuration(s.duration_ms)} answering`);
  if (!s.weakestTag) w(`  weakest    ${chalk.dim('none: every tag averaged Good or better')}`);
  else {
    const mean = `mean rating ${s.weakestTag.meanRating.toFixed(1)} of 4`;
    // After `run --tag X`, suggesting `run --tag X` again says nothing new: its misses return as they fall due.
    const then = s.weakestTag.focused ? 'the misses come back first as they fall due' : `mlquiz run${repeatFlag('--tag', [s.weakestTag.tag])}`;
    w(`  weakest    ${s.weakestTag.tag} ${chalk.dim(`(${mean}): ${then}`)}`);
  }
  if (s.nextDue.length) w(`  next due   ${s.nextDue.map((d) => `${d.date}: ${d.count}`).join(' · ')}`);
  w(chalk.dim(`  saved in ${file}`));
}
