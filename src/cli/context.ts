import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { hourlyOffset, personDay, type Offset } from '../engine/days.js';
import { UsageError } from '../errors.js';

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
  /** A fresh seed for a session that was given none: short, so people can retype it. Tests pass a fixed one. */
  newSeed?: () => string;
  /** The time zone, as the clock: minutes behind UTC at an instant (tests pass a constant). */
  offset: Offset;
  /** The hour the person's day starts (the entry gives 4, as Anki's); MLQUIZ_DAY_START overrides it. */
  dayStart: number;
  /** The folder of the banks shipped with mlquiz. */
  shippedBanks: string;
  /** The folder of the mock-round plans shipped with mlquiz; beside shippedBanks when unset. */
  shippedPlans?: string;
  /** The platform's data folder for mlquiz, used when neither --data-dir nor MLQUIZ_HOME is set. */
  defaultDataDir: () => string;
  /** The platform's config folder, where this machine's device id is kept (see progress/device.ts); tests leave it out. */
  defaultConfigDir?: () => string;
  /** The platform's cache folder; without it banks are parsed on every run. */
  defaultCacheDir?: () => string;
  /** The version written into caches, so that a new mlquiz never reads an old parse. */
  version?: string;
}

/** The data folder; one that exists as a file is a usage error, named with where it came from. */
export function dataDir(ctx: Context, flag: string | undefined): string {
  const dir = flag ?? (ctx.env.MLQUIZ_HOME || undefined) ?? ctx.defaultDataDir();
  let isFile = false;
  try {
    isFile = !statSync(dir).isDirectory();
  } catch {
    // Missing: made on the first save.
  }
  if (isFile) {
    const from = flag !== undefined ? '--data-dir' : ctx.env.MLQUIZ_HOME ? 'MLQUIZ_HOME' : 'the data folder';
    throw new UsageError(`${from} ${dir} is a file, not a folder: name a folder (it is made if missing).`);
  }
  return dir;
}

/**
 * The person's days (see personDay): the time zone with the day's start hour, from
 * MLQUIZ_DAY_START when set. Every command that counts days or schedules uses this one.
 */
export function localDays(ctx: Context): Offset {
  // Asked of the system once an hour of time: a replay asks it three times per review.
  return hourlyOffset(personDay(ctx.offset, dayStartHour(ctx)));
}

export function dayStartHour(ctx: Context): number {
  const v = ctx.env.MLQUIZ_DAY_START;
  if (v === undefined || v.trim() === '') return ctx.dayStart;
  if (!/^\s*\d{1,2}\s*$/.test(v) || Number(v) > 23)
    throw new UsageError(`MLQUIZ_DAY_START=${v}: expected the hour the day starts, a whole number from 0 to 23 (4 means 4 a.m.)`);
  return Number(v);
}

/** An environment switch: unset, empty, 0, false, no and off all mean off. */
export function envFlag(value: string | undefined): boolean {
  return value !== undefined && !/^(|0|false|no|off)$/i.test(value.trim());
}

/** Where parsed banks are cached: $MLQUIZ_HOME/cache, else the platform cache folder; none if MLQUIZ_NO_CACHE is set. */
export function cacheDir(ctx: Context): string | undefined {
  if (envFlag(ctx.env.MLQUIZ_NO_CACHE)) return undefined;
  if (ctx.env.MLQUIZ_HOME) return join(ctx.env.MLQUIZ_HOME, 'cache');
  return ctx.defaultCacheDir?.();
}

/** Shipped banks, then MLQUIZ_BANKS, then every --bank. */
export function bankPaths(ctx: Context, flags: string[] = []): string[] {
  const fromEnv = (ctx.env.MLQUIZ_BANKS ?? '').split(delimiter).filter(Boolean);
  return [ctx.shippedBanks, ...fromEnv, ...flags];
}

export function columns(ctx: Context): number {
  return Math.min(100, ctx.stdout.columns ?? 80);
}

/** Data as every --json prints it. */
export const jsonText = (data: unknown): string => JSON.stringify(data, null, 2) + '\n';

export function writeJson(ctx: Context, data: unknown): void {
  ctx.stdout.write(jsonText(data));
}

// No 0/o, 1/l/i: a seed read off the screen is retyped without doubt.
const SEED_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A seed of `length` characters drawn by `random` (a value in [0, 1)). */
export function shortSeed(random: () => number, length = 6): string {
  return Array.from({ length }, () => SEED_ALPHABET[Math.floor(random() * SEED_ALPHABET.length)]).join('');
}

/** The seed a session uses: the one given, else a fresh short one (from the clock when the context has no source). */
export function sessionSeed(ctx: Context, given: string | undefined): string {
  return given ?? ctx.newSeed?.() ?? String(ctx.now().getTime());
}
