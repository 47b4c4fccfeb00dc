import { resolve } from 'node:path';
import { loadBanks } from '../../src/bank/load.js';

/** A Markdown text of a shipped question, named for failure messages. */
export interface ShippedText {
  name: string;
  md: string;
}

/** Every prompt and answer of the shipped banks, loaded as the app loads them. */
export async function shippedMarkdown(): Promise<ShippedText[]> {
  const root = resolve(import.meta.dirname, '../..');
  const set = await loadBanks([resolve(root, 'questions')], root);
  if (set.errors.length) throw new Error(`the shipped banks do not load: ${set.errors[0]!.message}`);
  return set.questions.flatMap((q) => [
    { name: `${q.id} prompt`, md: q.prompt },
    { name: `${q.id} answer`, md: q.answer },
  ]);
}
