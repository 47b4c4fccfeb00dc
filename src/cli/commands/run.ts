import type { Difficulty } from '../../bank/types.js';
import { pickSession } from '../../engine/pick.js';
import { openSession } from '../../engine/review.js';
import { createRng } from '../../engine/rng.js';
import { UsageError } from '../../errors.js';
import { plural } from '../../format/plural.js';
import { openStore } from '../../progress/store.js';
import { runPractice } from '../../session/practice.js';
import { loadConfiguredBanks, selectQuestions } from '../banks.js';
import { columns, dataDir, sessionSeed, type Context } from '../context.js';
import { terminalPrompter } from '../terminal-prompter.js';

export interface RunOptions {
  tag?: string[];
  deck?: string;
  difficulty?: Difficulty;
  count: number;
  id?: string[];
  seed?: string;
  bank?: string[];
  dataDir?: string;
  skipInvalid?: boolean;
}

export function requireTerminal(ctx: Context, command: string): void {
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY)
    throw new UsageError(`mlquiz ${command} is interactive and needs a terminal. To read the questions without one, use: mlquiz list --json`);
}

export default async function run(opts: RunOptions, _args: string[], ctx: Context): Promise<number> {
  requireTerminal(ctx, 'run');
  const set = await loadConfiguredBanks(ctx, opts);
  const pool = selectQuestions(set, { tags: opts.tag, deck: opts.deck, difficulty: opts.difficulty, ids: opts.id });
  const store = openStore(dataDir(ctx, opts.dataDir));
  // Before the first question: a folder that cannot be written fails now, not after an answer.
  store.checkWritable();
  const progress = store.load();
  const started = ctx.now();
  const seed = sessionSeed(ctx, opts.seed);
  const picked = pickSession(pool, progress, { count: opts.id?.length ?? opts.count, now: started, rng: createRng(seed), all: set.questions });
  // Questions named with --id come in the order they were named.
  const picks = opts.id ? [...picked].sort((a, b) => opts.id!.indexOf(a.question.id) - opts.id!.indexOf(b.question.id)) : picked;
  const filter = { tags: opts.tag ?? [], deck: opts.deck ?? null, difficulty: opts.difficulty ?? null, ids: opts.id ?? [] };
  const session = openSession(
    'run',
    started,
    seed,
    picks.map((p) => p.question.id),
    filter,
  );
  const prompter = terminalPrompter({ input: ctx.stdin, output: ctx.stdout }, columns(ctx));
  prompter.info(`${plural(picks.length, 'question')} · seed ${seed} · progress in ${store.file}`);
  await runPractice({ picks, questions: set.questions, progress, store, session, prompter, now: ctx.now, offset: ctx.offset });
  return 0;
}
