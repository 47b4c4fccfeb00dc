import chalk, { Chalk, type ChalkInstance } from 'chalk';

export type ColourLevel = 0 | 1 | 2 | 3;

/**
 * The colour rule for every command. chalk 5 reads FORCE_COLOR but ignores NO_COLOR, so
 * mlquiz decides: FORCE_COLOR wins (as in Node itself), then NO_COLOR, then colour only
 * on a terminal, at the depth chalk detected.
 */
export function colourLevel(env: Record<string, string | undefined>, isTTY: boolean | undefined): ColourLevel {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '')
    return force === '0' || force === 'false' ? 0 : (Math.min(3, Math.max(1, Number.parseInt(force, 10) || 1)) as ColourLevel);
  if (env.NO_COLOR) return 0;
  return isTTY ? ((chalk.level || 1) as ColourLevel) : 0;
}

export function colours(ctx: { env: Record<string, string | undefined>; stdout: { isTTY?: boolean } }): ChalkInstance {
  return new Chalk({ level: colourLevel(ctx.env, ctx.stdout.isTTY) });
}
