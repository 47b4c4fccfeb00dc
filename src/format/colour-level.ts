/** 0 is no colour; mlquiz uses the sixteen basic colours only, so any level above 0 looks the same. */
export type ColourLevel = 0 | 1 | 2 | 3;

/**
 * The colour rule for the whole process, decided once at the entry (src/cli/index.ts):
 * FORCE_COLOR wins (as in Node itself), then NO_COLOR, then colour only on a terminal that
 * is not TERM=dumb. chalk 5 reads FORCE_COLOR but ignores NO_COLOR, so the entry writes the
 * decision into FORCE_COLOR, which every copy of chalk reads when it loads. Kept apart from
 * colour.ts so that the entry can apply it without loading chalk.
 */
export function colourLevel(env: Record<string, string | undefined>, isTTY: boolean | undefined): ColourLevel {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '')
    return force === '0' || force === 'false' ? 0 : (Math.min(3, Math.max(1, Number.parseInt(force, 10) || 1)) as ColourLevel);
  if (env.NO_COLOR) return 0;
  return isTTY && env.TERM !== 'dumb' ? 1 : 0;
}
