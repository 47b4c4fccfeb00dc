import { stringify } from 'yaml';
import { MAX_TEXT } from '../bank/schema.js';
import { promptSlug, slugify, uniqueIds } from './slug.js';
import type { ImportResult } from './types.js';

export interface BankOptions {
  /** Where the notes came from, e.g. a URL or "theory.md"; the input file's name when unset. */
  source: string;
  licence?: string;
  /** Put before every id, e.g. "dsi" gives "dsi-what-is-regression". */
  prefix?: string;
  /** Ids that other loaded banks already use: an import never clashes with them. */
  taken?: ReadonlySet<string>;
}

export interface BankFile {
  /** A file name (no folder): the deck's slug with `.yaml`. */
  name: string;
  text: string;
  deck: string;
  ids: string[];
  tags: string[];
}

/**
 * Pure: drafts to YAML bank files in the shipped format. Every question is marked
 * `self_rated: true` (it has no key points yet); the deck's `source` holds the source
 * and the licence. Ids are the prompts' slugs, unique across the files and the `taken`
 * ids, in input order, so the same notes give the same ids.
 */
export function toBankFiles(result: ImportResult, opts: BankOptions): BankFile[] {
  const all = result.banks.flatMap((b) => b.questions);
  const prefix = opts.prefix ? slugify(opts.prefix) : '';
  const ids = uniqueIds(
    all.map((d) => (prefix ? `${prefix}-${promptSlug(d.prompt)}` : promptSlug(d.prompt))),
    opts.taken,
  );
  const source = [opts.source, opts.licence ?? result.licence].filter(Boolean).join('. Licence: ').slice(0, MAX_TEXT);
  const names = uniqueIds(result.banks.map((b) => slugify(b.deck) || 'imported'));
  let next = 0;
  return result.banks
    .map((bank, b) => {
      const questions = bank.questions.map((d) => ({
        id: ids[next++]!,
        prompt: d.prompt,
        answer: d.answer,
        ...(d.tags.length && { tags: d.tags }),
        ...(d.difficulty && { difficulty: d.difficulty }),
        self_rated: true,
      }));
      const doc = { deck: bank.deck, ...(source && { source }), questions };
      const header = `# Imported by mlquiz import. The questions have no key points yet (self_rated: true):\n# add 2 to 6 under key_points and remove self_rated to practise one with a checklist.\n`;
      return {
        name: `${names[b]}.yaml`,
        text: header + stringify(doc, { lineWidth: 0, blockQuote: 'literal' }),
        deck: bank.deck,
        ids: questions.map((q) => q.id),
        tags: [...new Set(questions.flatMap((q) => q.tags ?? []))],
      };
    })
    .filter((f) => f.ids.length > 0);
}
