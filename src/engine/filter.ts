import type { Difficulty, Question } from '../bank/types.js';
import { byText } from '../format/compare.js';

export interface QuestionFilter {
  tags?: string[];
  deck?: string;
  difficulty?: Difficulty;
  ids?: string[];
}

/** Any of the given tags matches; deck matches its name or file name, case-insensitively. */
export function filterQuestions(questions: readonly Question[], f: QuestionFilter): Question[] {
  const tags = f.tags?.length ? new Set(f.tags.map((t) => t.toLowerCase())) : undefined;
  const deck = f.deck?.toLowerCase();
  const ids = f.ids?.length ? new Set(f.ids) : undefined;
  return questions.filter(
    (q) =>
      (!tags || q.tags.some((t) => tags.has(t.toLowerCase()))) &&
      (!deck || q.deck.toLowerCase() === deck || baseName(q.file) === deck) &&
      (!f.difficulty || q.difficulty === f.difficulty) &&
      (!ids || ids.has(q.id)),
  );
}

function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? '').replace(/\.(ya?ml|md)$/i, '').toLowerCase();
}

/** Every tag with its question count, most common first. */
export function countTags(questions: readonly Question[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const q of questions) for (const t of q.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || byText(a.tag, b.tag));
}

/** The requested tags that no loaded question has. */
export function unknownTags(questions: readonly Question[], tags: readonly string[]): string[] {
  const known = new Set(questions.flatMap((q) => q.tags.map((t) => t.toLowerCase())));
  return tags.filter((t) => !known.has(t.toLowerCase()));
}

export function unknownIds(questions: readonly Question[], ids: readonly string[]): string[] {
  const known = new Set(questions.map((q) => q.id));
  return ids.filter((id) => !known.has(id));
}
