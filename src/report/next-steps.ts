import { plural } from '../format/plural.js';
import { repeatFlag } from '../format/shell.js';
import type { Leech, Mocks, Suggestion, TagRow, Totals } from './types.js';

const DAY_MS = 86_400_000;
/** Enough of the bank seen that a mock round measures something. */
const MOCK_READY_SEEN = 20;
const MOCK_EVERY_DAYS = 7;
/** Leeches in one suggested command: a session of a few, read closely, not a drill of all. */
export const LEECHES_IN_COMMAND = 3;

/**
 * At most two commands, most useful first: clear the leeches (they cost the most), then
 * the reviews due (forgetting is cheapest to stop now), then the weakest tag (mastery
 * only rises by learning all of a tag), then a mock round when none was done this week.
 */
export function suggest(t: Totals, tags: readonly TagRow[], leeches: readonly Leech[], mocks: Mocks, filterTags: readonly string[], now: Date): Suggestion[] {
  const scope = repeatFlag('--tag', filterTags);
  if (t.reviews === 0 || t.seen === 0) {
    const reason = 'No reviews yet: a first session of 10 questions, new ones mixed across topics.';
    return [{ command: `mlquiz run${scope}`, reason }];
  }
  const out: Suggestion[] = [];
  if (leeches.length) {
    // The command takes the worst few; the reason says how many of how many, so that the
    // count and the ids agree.
    const ids = leeches.slice(0, LEECHES_IN_COMMAND).map((l) => l.id);
    const which =
      leeches.length === 1 ? 'a leech' : ids.length === leeches.length ? `${leeches.length} leeches` : `the ${ids.length} worst of ${leeches.length} leeches`;
    out.push({
      command: `mlquiz run${repeatFlag('--id', ids)}`,
      reason: `${which}: failed again and again; read the answer closely, then retry`,
    });
  }
  if (t.due_now > 0) out.push({ command: `mlquiz run${scope}`, reason: `${plural(t.due_now, 'review')} due now: they come first` });
  const weakest = [...tags].filter((r) => r.mastery < 0.9).sort((a, b) => a.mastery - b.mastery || b.questions - a.questions || a.tag.localeCompare(b.tag))[0];
  if (weakest)
    out.push({
      command: `mlquiz run${repeatFlag('--tag', [weakest.tag])}`,
      reason: `weakest tag: ${weakest.tag} at ${Math.round(weakest.mastery * 100)}% mastery, ${weakest.questions - weakest.seen} of ${weakest.questions} unseen`,
    });
  const lastMock = mocks.rounds.at(-1);
  const mockStale = !lastMock || now.getTime() - Date.parse(lastMock.started_at) > MOCK_EVERY_DAYS * DAY_MS;
  if (t.seen >= MOCK_READY_SEEN && mockStale)
    out.push({ command: 'mlquiz mock', reason: lastMock ? 'no mock round for a week: time yourself again' : 'time yourself: a first mock round' });
  return out.slice(0, 2);
}
