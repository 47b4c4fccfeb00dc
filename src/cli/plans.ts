import chalk from 'chalk';
import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { formatDiagnostic } from '../bank/types.js';
import { parsePlan, planCount, type Plan } from '../engine/plan.js';
import { InputError, UsageError } from '../errors.js';
import { MiB, readRegularFile } from '../fs/read-regular.js';
import type { Context } from './context.js';
import { plural } from '../format/plural.js';

export const DEFAULT_COUNT = 6;
export const DEFAULT_MINUTES = 30;

/** Where the plans shipped with mlquiz live: beside the shipped banks unless the entry says otherwise. */
function plansDir(ctx: Context): string {
  return ctx.shippedPlans ?? join(dirname(ctx.shippedBanks), 'plans');
}

function shippedPlanFiles(ctx: Context): string[] {
  try {
    return readdirSync(plansDir(ctx))
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort()
      .map((f) => join(plansDir(ctx), f));
  } catch {
    return [];
  }
}

const planName = (file: string) => basename(file).replace(/\.ya?ml$/i, '');

/** A plan by shipped name, or a plan file by path; every problem in it at once. */
export function loadPlan(ctx: Context, ref: string, knownTags?: ReadonlySet<string>): Plan {
  const isPath = /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
  const file = isPath ? resolve(ctx.cwd, ref) : shippedPlanFiles(ctx).find((f) => planName(f) === ref);
  if (!file) {
    const names = shippedPlanFiles(ctx).map(planName);
    throw new UsageError(`no plan named "${ref}". Plans: ${names.join(', ') || '(none shipped)'}; or give a plan file, e.g. --plan ./my-plan.yaml`);
  }
  let text: string;
  try {
    // A regular file only, and a small one: a FIFO or device given as --plan must not hang.
    text = readRegularFile(file, MiB).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: no such plan file`);
    throw new InputError(`${file}: cannot read the plan: it ${(e as Error).message}`);
  }
  const { plan, diagnostics } = parsePlan(text, file, planName(file), knownTags);
  if (!plan)
    throw new InputError(
      `${plural(diagnostics.length, 'problem')} in the plan ${file} ("Plans" in the README describes the format)`,
      diagnostics.map(formatDiagnostic),
    );
  return plan;
}

export function listPlans(ctx: Context): number {
  const files = shippedPlanFiles(ctx);
  const out = (s = '') => ctx.stdout.write(s + '\n');
  if (!files.length) out('No plans are shipped; give a plan file with --plan ./my-plan.yaml ("Plans" in the README).');
  for (const file of files) {
    const plan = loadPlan(ctx, file);
    const minutes = plan.minutes ?? DEFAULT_MINUTES;
    out(`${chalk.bold(planName(file).padEnd(14))} ${planCount(plan)} questions, ${minutes} min${plan.description ? chalk.dim(`  ${plan.description}`) : ''}`);
    out(chalk.dim(`${' '.repeat(15)}${plan.blend.map((p) => `${p.count} ${p.label}`).join(' · ')}`));
  }
  out(chalk.dim('\nRun one with: mlquiz mock --plan NAME   (or --plan ./my-plan.yaml)'));
  return 0;
}
