import { z } from 'zod';
import { formatPath, issuesToDiagnostics, type IssueWording } from '../bank/normalise.js';
import { diagnostic, DIFFICULTIES, type Diagnostic, type Difficulty } from '../bank/types.js';
import { parseYaml, type PathKey } from '../bank/yaml-source.js';

/** One part of a round's blend: `count` questions carrying any of `tags` (no tags: any question). */
export interface PlanItem {
  label: string;
  tags: string[];
  count: number;
  difficulty?: Difficulty[];
  /** Seconds per question for this part, overriding the questions' own budgets. */
  per_question?: number;
}

/** A named blend of topics for a mock round, e.g. "45 minutes: 4 ML breadth, 2 statistics, 1 system design". */
export interface Plan {
  name: string;
  description?: string;
  minutes?: number;
  per_question?: number;
  blend: PlanItem[];
}

const seconds = z.number().positive().max(3600);
const itemSchema = z.strictObject({
  label: z.string().min(1).optional(),
  tags: z.array(z.string().min(1)).optional(),
  count: z.int().min(1).max(50),
  difficulty: z.union([z.enum(DIFFICULTIES), z.array(z.enum(DIFFICULTIES)).min(1)]).optional(),
  per_question: seconds.optional(),
});
const planSchema = z.strictObject({
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  minutes: z.number().positive().max(600).optional(),
  per_question: seconds.optional(),
  blend: z.array(itemSchema).min(1),
});

const PLAN_FIELDS = Object.keys(planSchema.shape);
const ITEM_FIELDS = Object.keys(itemSchema.shape);

const PLAN_WORDING: IssueWording = {
  unknownKey: (key, path) => `unknown field "${key}" (fields: ${(path.length ? ITEM_FIELDS : PLAN_FIELDS).join(', ')})`,
  union: `must be one of ${DIFFICULTIES.join(', ')} or a list of them`,
};

/**
 * Pure: the text of a plan file to a plan, or every problem in it as a located
 * diagnostic. With `knownTags`, a tag no loaded question carries is a problem too, so
 * that a typo fails before the round starts rather than yielding an empty part.
 */
export function parsePlan(text: string, file: string, defaultName: string, knownTags?: ReadonlySet<string>): { plan?: Plan; diagnostics: Diagnostic[] } {
  const src = parseYaml(text);
  const diag = (path: PathKey[], message: string, at = src.locate(path)) => diagnostic(file, at, formatPath(path), message);
  if (src.errors.length) return { diagnostics: src.errors.map((e) => diagnostic(file, e, '', e.message)) };
  if (src.value === null || typeof src.value !== 'object' || Array.isArray(src.value)) {
    return { diagnostics: [diag([], 'a plan must be a mapping with a `blend` list (see "Plans" in the README)')] };
  }
  const diagnostics: Diagnostic[] = [];
  // Unknown tags are checked on the raw document, so they are reported with any schema problem.
  const rawBlend = (src.value as { blend?: unknown }).blend;
  if (knownTags && Array.isArray(rawBlend)) {
    rawBlend.forEach((item, i) => {
      const tags = (item as { tags?: unknown } | null)?.tags;
      if (!Array.isArray(tags)) return;
      tags.forEach((t, j) => {
        if (typeof t === 'string' && !knownTags.has(t.toLowerCase()))
          diagnostics.push(diag(['blend', i, 'tags', j], `no loaded question has the tag "${t}" (mlquiz tags lists them)`));
      });
    });
  }
  const parsed = planSchema.safeParse(src.value);
  if (!parsed.success) diagnostics.push(...issuesToDiagnostics(parsed.error.issues, file, [], src, [], PLAN_WORDING));
  if (diagnostics.length || !parsed.success) return { diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.column - b.column) };
  const raw = parsed.data;
  const blend = raw.blend.map((item): PlanItem => {
    const tags = item.tags ?? [];
    const out: PlanItem = { label: item.label ?? (tags.length ? tags.join(', ') : 'any topic'), tags, count: item.count };
    if (item.difficulty) out.difficulty = typeof item.difficulty === 'string' ? [item.difficulty] : item.difficulty;
    if (item.per_question !== undefined) out.per_question = item.per_question;
    return out;
  });
  const plan: Plan = { name: raw.name ?? defaultName, blend };
  if (raw.description !== undefined) plan.description = raw.description;
  if (raw.minutes !== undefined) plan.minutes = raw.minutes;
  if (raw.per_question !== undefined) plan.per_question = raw.per_question;
  return { plan, diagnostics: [] };
}

/** The round without a plan: `count` questions over the given tags, or over everything. */
export function defaultPlan(tags: string[] = [], count = 6): Plan {
  return { name: tags.length ? `tags: ${tags.join(', ')}` : 'mixed', blend: [{ label: tags.length ? tags.join(', ') : 'all topics', tags, count }] };
}

export function planCount(plan: Plan): number {
  return plan.blend.reduce((n, item) => n + item.count, 0);
}

/**
 * The plan resized to `count` questions, keeping its proportions (largest remainder),
 * so `--count 3` on a 7-question plan still samples its parts rather than the first one.
 */
export function scalePlan(plan: Plan, count: number): Plan {
  const total = planCount(plan);
  if (count === total) return plan;
  const exact = plan.blend.map((item) => (item.count * count) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < count; k++) counts[order[k % order.length]!.i]!++;
  return { ...plan, blend: plan.blend.map((item, i) => ({ ...item, count: counts[i]! })).filter((item) => item.count > 0) };
}
