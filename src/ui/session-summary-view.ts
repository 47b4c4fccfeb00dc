import { repeatFlag } from '../format/shell.js';
import chalk from 'chalk';
import type { SessionSummary } from '../engine/session-summary.js';
import { formatDuration } from '../format/time.js';
import { plural } from '../format/plural.js';
import { wrap } from '../format/text.js';
import type { Io } from './prompts.js';

export function renderSummary(io: Io, s: SessionSummary, file: string, width = 80): void {
  const w = (t = '') => io.output.write(t + '\n');
  // A row: its label, then its text wrapped on spaces under the text.
  const row = (label: string, text: string, style: (t: string) => string = (t) => t) =>
    wrap(text, Math.max(20, width - 13)).forEach((l, i) => w(`  ${(i === 0 ? label : '').padEnd(11)}${style(l)}`));
  w(chalk.bold('\nSession over'));
  if (s.answered === 0) {
    w('No answer was graded, so nothing changed.');
    return;
  }
  const ratings = Object.entries(s.ratings)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n}`)
    .join(', ');
  row('answered', `${s.answered} (${ratings})`);
  row('time', `${formatDuration(s.duration_ms)} answering`);
  if (!s.weakestTag) row('weakest', 'none: no answer was missed', chalk.dim);
  else {
    const mean = `${s.weakestTag.missed} of ${plural(s.weakestTag.answers, 'answer')} missed`;
    // After `run --tag X`, suggesting `run --tag X` again says nothing new: its misses return as they fall due.
    const then = s.weakestTag.focused ? 'the misses come back first as they fall due' : `mlquiz run${repeatFlag('--tag', [s.weakestTag.tag])}`;
    row('weakest', `${s.weakestTag.tag} (${mean}): ${then}`);
  }
  if (s.nextDue.length) row('next due', s.nextDue.map((d) => `${d.date}: ${d.count}`).join(' · '));
  row('saved in', file, chalk.dim);
}
