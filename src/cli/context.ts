import { delimiter } from 'node:path';

/**
 * Everything a command may touch of the outside world. Only the entry point builds the
 * real one; tests pass a fixed clock, streams and folders.
 */
export interface Context {
  cwd: string;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  now: () => Date;
  /** The folder of the banks shipped with mlquiz. */
  shippedBanks: string;
  /** The platform's data folder for mlquiz, used when neither --data-dir nor MLQUIZ_HOME is set. */
  defaultDataDir: () => string;
}

export function dataDir(ctx: Context, flag: string | undefined): string {
  return flag ?? (ctx.env.MLQUIZ_HOME || undefined) ?? ctx.defaultDataDir();
}

/** Shipped banks, then MLQUIZ_BANKS, then every --bank. */
export function bankPaths(ctx: Context, flags: string[] = []): string[] {
  const fromEnv = (ctx.env.MLQUIZ_BANKS ?? '').split(delimiter).filter(Boolean);
  return [ctx.shippedBanks, ...fromEnv, ...flags];
}

export function columns(ctx: Context): number {
  return Math.min(100, ctx.stdout.columns ?? 80);
}

export function writeJson(ctx: Context, data: unknown): void {
  ctx.stdout.write(JSON.stringify(data, null, 2) + '\n');
}
