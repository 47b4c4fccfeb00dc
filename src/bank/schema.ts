import { z } from 'zod';
import { ID_PATTERN, MAX_TIME_LIMIT_S } from './limits.js';

export { ID_PATTERN, MAX_TIME_LIMIT_S };
import { DIFFICULTIES, QUESTION_TYPES } from './types.js';

/** Ten times the longest shipped answer: room for any real question, and a bound on what a stranger's bank makes the renderer do. */
export const MAX_TEXT = 20_000;
const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_TEXT, `must be at most ${MAX_TEXT.toLocaleString('en')} characters`);
const textList = z.array(text);

/** Tags are slugs like ids: they go into suggested shell commands (`mlquiz run --tag …`). */
const tag = z.string().trim().regex(ID_PATTERN, 'a tag must be a slug: lowercase letters, digits and single hyphens');
const tagList = z.array(tag);

/**
 * One schema for both formats. Strict, so that a typo such as `promt` is an error
 * rather than a silently missing field.
 */
export const rawQuestionSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN, 'must be a slug: lowercase letters, digits and single hyphens'),
  prompt: text,
  answer: text,
  key_points: textList.max(6, 'at most 6 key points').optional(),
  type: z.enum(QUESTION_TYPES).optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  tags: tagList.optional(),
  choices: textList.min(2, 'needs at least 2 choices').max(8, 'at most 8 choices').optional(),
  correct: z.union([z.int().min(0), z.array(z.int().min(0)).min(1)]).optional(),
  value: z.number().optional(),
  tolerance: z.number().min(0, 'must be >= 0').optional(),
  unit: text.optional(),
  follow_ups: textList.max(20, 'at most 20 follow-ups').optional(),
  see_also: z.array(z.string().regex(ID_PATTERN, 'must be a question id')).optional(),
  source: text.optional(),
  /** No key points: practised by rating alone (imported notes, see "Self-rated questions" in the README). */
  self_rated: z.boolean().optional(),
  time_limit: z.number().positive('must be a positive number of seconds').max(MAX_TIME_LIMIT_S, `must be at most ${MAX_TIME_LIMIT_S} seconds`).optional(),
});

/**
 * Rules that depend on the question's type. Kept out of the zod schema and run on the
 * raw input even when other fields are invalid, so that every problem is reported at
 * once instead of the type rules hiding behind a missing id.
 */
export function typeRules(q: Record<string, unknown>): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const type = typeof q.type === 'string' ? q.type : 'open';
  if (!(QUESTION_TYPES as readonly string[]).includes(type)) return out;
  const forbid = (fields: string[]) => {
    for (const f of fields) if (q[f] !== undefined) out.push({ path: f, message: `not allowed on a ${type} question` });
  };
  if (q.self_rated === true && type !== 'open')
    out.push({ path: 'self_rated', message: `only an open question can be self-rated; a ${type} question is graded` });
  if (type === 'open') {
    const n = Array.isArray(q.key_points) ? q.key_points.length : 0;
    if (q.self_rated === true) {
      if (q.key_points !== undefined) out.push({ path: 'key_points', message: 'a self-rated question has no key points: remove self_rated or the key points' });
    } else if (n < 2) out.push({ path: 'key_points', message: 'an open question needs 2 to 6 key points' });
    forbid(['choices', 'correct', 'value', 'tolerance', 'unit']);
  } else if (type === 'choice') {
    if (q.choices === undefined) out.push({ path: 'choices', message: 'required for a choice question' });
    if (q.correct === undefined) out.push({ path: 'correct', message: 'required for a choice question' });
    const correct = Array.isArray(q.correct) ? q.correct : q.correct === undefined ? [] : [q.correct];
    const n = Array.isArray(q.choices) ? q.choices.length : undefined;
    if (n !== undefined && correct.some((i) => typeof i === 'number' && i >= n))
      out.push({ path: 'correct', message: `index out of range: there are ${n} choices (0 to ${n - 1})` });
    if (new Set(correct).size !== correct.length) out.push({ path: 'correct', message: 'lists the same index twice' });
    forbid(['value', 'tolerance', 'unit']);
  } else {
    if (q.value === undefined) out.push({ path: 'value', message: 'required for a numeric question' });
    if (q.tolerance === undefined) out.push({ path: 'tolerance', message: 'required for a numeric question' });
    forbid(['choices', 'correct']);
  }
  return out;
}

export type RawQuestion = z.infer<typeof rawQuestionSchema>;

export const deckSchema = z.strictObject({
  deck: text.optional(),
  tags: tagList.optional(),
  source: text.optional(),
  questions: z.array(z.unknown(), { error: 'must be a list of questions' }),
});

/** Front matter of a Markdown bank: the same deck fields, without the question list. */
export const frontMatterSchema = deckSchema.omit({ questions: true });

/** Fields allowed in a Markdown question's metadata block. */
export const markdownMetaKeys = new Set(Object.keys(rawQuestionSchema.shape).filter((k) => !['prompt', 'answer', 'key_points'].includes(k)));
