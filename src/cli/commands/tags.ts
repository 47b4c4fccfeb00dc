import chalk from 'chalk';
import { progressStore } from '../progress.js';
import { tagMastery } from '../../report/mastery.js';
import { bar } from '../../format/chart.js';
import { loadConfiguredBanks } from '../banks.js';
import { writeJson, type Context } from '../context.js';

interface TagsOptions {
  json?: boolean;
  bank?: string[];
  dataDir?: string;
  skipInvalid?: boolean;
}

export default async function tags(opts: TagsOptions, _args: string[], ctx: Context): Promise<number> {
  const set = await loadConfiguredBanks(ctx, opts);
  const progress = progressStore(ctx, opts.dataDir).load();
  const rows = tagMastery(set.questions, progress, ctx.now());
  const practised = Object.keys(progress.cards).length > 0;
  if (opts.json) {
    writeJson(
      ctx,
      rows.map((r) => ({ tag: r.tag, count: r.count, seen: r.seen, due: r.due, mastery: Math.round(r.mastery * 1000) / 1000 })),
    );
    return 0;
  }
  const w = Math.max(...rows.map((r) => r.tag.length), 3);
  for (const r of rows) {
    const line = `${r.tag.padEnd(w)}  ${String(r.count).padStart(4)}`;
    const extra = practised ? `  ${bar(r.mastery, 16)} ${String(Math.round(r.mastery * 100)).padStart(3)}%  ${chalk.dim(`seen ${r.seen}, due ${r.due}`)}` : '';
    ctx.stdout.write(line + extra + '\n');
  }
  ctx.stdout.write(
    chalk.dim(`${rows.length} tags, ${set.questions.length} questions${practised ? '; mastery = mean recall probability, unseen counting as 0' : ''}\n`),
  );
  return 0;
}
