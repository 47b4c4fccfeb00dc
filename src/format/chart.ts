import chalk, { type ChalkInstance } from 'chalk';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export type Band = 'good' | 'mid' | 'bad';

/** The colour band of a share in [0, 1], the same in every view: good from 70%, middling from 40%. */
export function band(share: number): Band {
  return share >= 0.7 ? 'good' : share >= 0.4 ? 'mid' : 'bad';
}

/** The terminal colour of a share's band. */
export function bandColour(share: number, c: ChalkInstance = chalk): ChalkInstance {
  return { good: c.green, mid: c.yellow, bad: c.red }[band(share)];
}

/**
 * A horizontal bar for a share in [0, 1], `width` cells wide, in eighth-cell steps,
 * green from 70%, yellow from 40%, red below. `c` carries the caller's colour level.
 */
export function bar(share: number, width: number, c: ChalkInstance = chalk): string {
  const eighths = Math.round(Math.max(0, Math.min(1, share)) * width * 8);
  const full = Math.floor(eighths / 8);
  const part = EIGHTHS[eighths % 8]!;
  return bandColour(share, c)('█'.repeat(full) + part) + c.dim('·'.repeat(width - full - (part ? 1 : 0)));
}

/** Vertical bars from numbers, one character each, for sparklines. */
export function sparkline(values: number[]): string {
  const ticks = '▁▂▃▄▅▆▇█';
  const max = Math.max(...values, 1);
  return values.map((v) => (v <= 0 ? ' ' : ticks[Math.min(7, Math.floor((v / max) * 7.999))])).join('');
}
