import { createRequire } from 'node:module';
import type { z as Z } from 'zod';
import { ID_PATTERN } from '../bank/limits.js';

/**
 * 3 added the optional `goal`. An optional field alone would not have needed a new
 * version for this mlquiz, but the schema is strict: an older mlquiz reading a file with
 * a goal would call it broken and suggest moving it away, where a newer version number
 * makes it say "update mlquiz" and leave the file alone (the file may be synced to a
 * machine that runs an older mlquiz).
 *
 * 4 keeps progress as an append-only journal per machine (see journal.ts) and gives each
 * review an `id`; a single progress file of this version is what `formatProgress` writes
 * (an export, a backup).
 */
export const PROGRESS_VERSION = 4;

/** Review ids: what reviewId makes, and room for other tools' ids. */
export const REVIEW_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const LATEST = Date.UTC(3000, 0, 1);
/** No real card gets near these: FSRS caps intervals at 100 years and difficulty at 10. */
export const CARD_LIMITS = { stability: 1e6, days: 1e6, difficulty: 10 } as const;
/** At most a whole day: the daily time goes into the pacing arithmetic. */
export const MAX_GOAL_MINUTES = 1440;
/** The desired retention a person may set: below 0.70 too much is forgotten, above 0.97 the reviews pile up. */
export const RETENTION_RANGE = { min: 0.7, max: 0.97 } as const;
/** FSRS-6 has 21 weights; ts-fsrs clips each to its range, this only keeps the arithmetic finite. */
export const FSRS_PARAMS = { count: 21, bound: 100 } as const;

/**
 * The zod schemas of the progress file, built on first use. A valid file is read and
 * written through plain checks that agree with these (see plain-check.ts, and the tests
 * that hold them in step), so zod loads only to name what is wrong with a file.
 */
function build(z: typeof Z) {
  const iso = z.iso.datetime({ offset: true });
  const rating = z.int().min(1).max(4);
  /** Question ids are slugs; a key such as `__proto__` can name no question (and would vanish on a write). */
  const questionId = z.string().regex(ID_PATTERN, 'must be a question id (a slug)');
  /** Card dates: far enough either way for any real schedule, near enough that date arithmetic stays exact. */
  const cardDate = iso.refine((s) => {
    const t = Date.parse(s);
    return t >= 0 && t < LATEST;
  }, 'must be a date between 1970 and 2999');

  /** A ts-fsrs card with its dates as ISO strings. */
  const cardSchema = z.strictObject({
    due: cardDate,
    stability: z.number().nonnegative().max(CARD_LIMITS.stability),
    difficulty: z.number().min(0).max(CARD_LIMITS.difficulty),
    elapsed_days: z.number().nonnegative().max(CARD_LIMITS.days),
    scheduled_days: z.number().nonnegative().max(CARD_LIMITS.days),
    learning_steps: z.int().nonnegative(),
    reps: z.int().nonnegative(),
    lapses: z.int().nonnegative(),
    state: z.int().min(0).max(3),
    last_review: cardDate.optional(),
  });

  /** Enough to replay the history: the fields FSRS optimisers read, plus self-grading detail. */
  const reviewSchema = z.strictObject({
    /** Unique to the review: a copy of it, arriving twice (a synced or restored file), counts once. See review-id.ts. */
    id: z.string().regex(REVIEW_ID, 'must be a review id (letters, digits, - and _)').optional(),
    question: questionId,
    at: iso,
    rating,
    /**
     * The card's FSRS state before this review: 0 New (a first review), 1 Learning,
     * 2 Review, 3 Relearning: the review_state that FSRS optimisers read. The full card
     * before any review follows by replaying the log, as scheduling has no fuzz.
     */
    state: z.int().min(0).max(3),
    /** Indices of the key points the person ticked. */
    covered: z.array(z.int().nonnegative()),
    /** How many key points the question had then. */
    total: z.int().nonnegative(),
    /** For choice and numeric questions: whether the automatic check passed. */
    correct: z.boolean().optional(),
    duration_ms: z.int().nonnegative(),
    /** The time budget for the question, used to flag slow answers. */
    budget_ms: z.int().positive().optional(),
    session: z.string().min(1),
  });

  const mockResultSchema = z.strictObject({
    question: z.string().min(1),
    rating,
    covered: z.int().nonnegative(),
    total: z.int().nonnegative(),
    correct: z.boolean().optional(),
    duration_ms: z.int().nonnegative(),
    budget_ms: z.int().positive(),
    timed_out: z.boolean(),
    score: z.number().min(0).max(1),
  });

  const sessionSchema = z.strictObject({
    id: z.string().min(1),
    kind: z.enum(['run', 'mock']),
    started_at: iso,
    ended_at: iso.nullable(),
    status: z.enum(['in-progress', 'finished', 'quit', 'interrupted', 'abandoned']),
    /** The questions drawn for the session, in order. */
    questions: z.array(z.string()),
    answered: z.int().nonnegative(),
    seed: z.string().optional(),
    filter: z.record(z.string(), z.unknown()).optional(),
    // Mock rounds only.
    plan: z.string().optional(),
    minutes: z.number().positive().optional(),
    results: z.array(mockResultSchema).optional(),
    score: z.number().min(0).max(100).nullable().optional(),
  });

  /** A local calendar day as the person typed it; checked to exist (no 2026-02-30). */
  const localDay = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
    .refine((s) => {
      const t = Date.parse(`${s}T00:00:00Z`);
      return Number.isFinite(t) && t >= 0 && t < LATEST && new Date(t).toISOString().slice(0, 10) === s;
    }, 'must be a calendar date between 1970 and 2999');

  /** The interview day the plan works towards; see src/engine/goal.ts. */
  const goalSchema = z.strictObject({
    /** The interview day, a local calendar day. */
    date: localDay,
    /** The focus: questions with any of these tags; empty for every loaded question. */
    tags: z.array(z.string().regex(ID_PATTERN, 'a tag must be a slug')),
    /** The time the person has per day. */
    minutes: z.number().positive().max(MAX_GOAL_MINUTES),
    /** When the goal was set: the plan's line of steady progress starts here. */
    set_at: iso,
  });

  /** The person's own FSRS settings (`mlquiz optimize`); the defaults where absent. */
  const fsrsSchema = z.strictObject({
    retention: z.number().min(RETENTION_RANGE.min).max(RETENTION_RANGE.max).optional(),
    /** Parameters fitted to the person's history: when, and on how many reviews. */
    fitted: z
      .strictObject({
        params: z.array(z.number().min(-FSRS_PARAMS.bound).max(FSRS_PARAMS.bound)).length(FSRS_PARAMS.count),
        at: iso,
        reviews: z.int().nonnegative(),
      })
      .optional(),
  });

  const progressSchema = z.strictObject({
    version: z.literal(PROGRESS_VERSION),
    goal: goalSchema.optional(),
    fsrs: fsrsSchema.optional(),
    cards: z.record(questionId, cardSchema),
    reviews: z.array(reviewSchema),
    sessions: z.array(sessionSchema),
  });
  return { cardSchema, reviewSchema, mockResultSchema, sessionSchema, goalSchema, fsrsSchema, progressSchema };
}

type Schemas = ReturnType<typeof build>;
let built: Schemas | undefined;
export const schemas = (): Schemas => (built ??= build(createRequire(import.meta.url)('zod') as typeof Z));

export type StoredCard = Z.infer<Schemas['cardSchema']>;
export type Review = Z.infer<Schemas['reviewSchema']>;
export type Session = Z.infer<Schemas['sessionSchema']>;
export type MockResult = Z.infer<Schemas['mockResultSchema']>;
export type Progress = Z.infer<Schemas['progressSchema']>;
export type Goal = Z.infer<Schemas['goalSchema']>;
export type FsrsSettings = Z.infer<Schemas['fsrsSchema']>;
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, cards: {}, reviews: [], sessions: [] };
}
