import chalk from 'chalk';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar for a share in [0, 1], `width` cells wide, in eighth-cell steps. */
export function bar(share: number, width: number): string {
  const cells = Math.max(0, Math.min(1, share)) * width;
  const full = Math.floor(cells);
  const part = EIGHTHS[Math.round((cells - full) * 8)] ?? '';
  const filled = '█'.repeat(full) + (full < width ? part : '');
  const color = share >= 0.7 ? chalk.green : share >= 0.4 ? chalk.yellow : chalk.red;
  return color(filled) + chalk.dim('·'.repeat(Math.max(0, width - [...filled].length)));
}

/** Vertical bars from numbers, one character each, for sparklines. */
export function sparkline(values: number[]): string {
  const ticks = '▁▂▃▄▅▆▇█';
  const max = Math.max(...values, 1);
  return values.map((v) => (v <= 0 ? ' ' : ticks[Math.min(7, Math.floor((v / max) * 7.999))])).join('');
}
