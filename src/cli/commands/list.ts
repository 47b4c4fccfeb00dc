import type { Difficulty } from '../../bank/types.js';
import { loadConfiguredBanks, outputForBanks, selectQuestions } from '../banks.js';
import { columns, jsonText, type Context } from '../context.js';
import { plural } from '../../format/plural.js';

interface ListOptions {
  tag?: string[];
  deck?: string;
  difficulty?: Difficulty;
  json?: boolean;
  bank?: string[];
  skipInvalid?: boolean;
}

export default async function list(opts: ListOptions, _args: string[], ctx: Context): Promise<number> {
  const filter = { tags: opts.tag, deck: opts.deck, difficulty: opts.difficulty };
  if (opts.json) {
    // Scripts call this often on banks that rarely change: kept by the banks' content, a
    // repeated call prints without parsing or serialising anything.
    ctx.stdout.write(await outputForBanks(ctx, opts, ['list --json', filter], (set) => jsonText(selectQuestions(set, filter))));
    return 0;
  }
  const questions = selectQuestions(await loadConfiguredBanks(ctx, opts), filter);
  // Only the terminal view needs colour and text fitting; --json, the scripted path, skips loading them.
  const [{ default: chalk }, { shortPrompt }] = await Promise.all([import('chalk'), import('../../format/text.js')]);
  const width = columns(ctx);
  for (const q of questions) {
    // A self-rated question has no checklist; say so where people pick what to practise.
    const kind = q.self_rated ? `${q.type}, self-rated` : q.type;
    const head = `${chalk.bold(q.id)}  ${chalk.dim(`${kind} · ${q.difficulty} · ${q.tags.join(', ')}`)}`;
    ctx.stdout.write(`${head}\n  ${shortPrompt(q.prompt, width - 3)}\n`);
  }
  ctx.stdout.write(chalk.dim(`${plural(questions.length, 'question')}\n`));
  return 0;
}
