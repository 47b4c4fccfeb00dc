import type { Difficulty } from '../../bank/types.js';
import { loadConfiguredBanks, selectQuestions } from '../banks.js';
import { columns, writeJson, type Context } from '../context.js';
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
  const set = await loadConfiguredBanks(ctx, opts);
  const questions = selectQuestions(set, { tags: opts.tag, deck: opts.deck, difficulty: opts.difficulty });
  if (opts.json) {
    writeJson(ctx, questions);
    return 0;
  }
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
