// Apart from the schema so that the warm path (cache checks, the progress store) can use
// them without loading zod.

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An hour: far above any interview answer, and small enough that budgets in milliseconds stay exact. */
export const MAX_TIME_LIMIT_S = 3600;
