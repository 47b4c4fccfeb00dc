import { Chalk, type ChalkInstance } from 'chalk';
import { colourLevel } from './colour-level.js';

/** A chalk that follows the colour rule for this context's environment and output. */
export function colours(ctx: { env: Record<string, string | undefined>; stdout: { isTTY?: boolean } }): ChalkInstance {
  return new Chalk({ level: colourLevel(ctx.env, ctx.stdout.isTTY) });
}
