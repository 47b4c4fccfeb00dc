import { InvalidArgumentError, Option, type Command } from 'commander';
import { DIFFICULTIES } from '../bank/types.js';

export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A whole number from 1 to `max`: unbounded counts and times end up in the progress file. */
export function positiveInt(value: string, max = 1000): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > max) throw new InvalidArgumentError(`Expected a whole number from 1 to ${max}.`);
  return Number(value);
}

/** A whole number from 0 to `max`, for limits where 0 means none (`--new 0`). */
export function wholeNumber(value: string, max = 1000): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) > max) throw new InvalidArgumentError(`Expected a whole number from 0 to ${max}.`);
  return Number(value);
}

export function positiveNumber(value: string, max = 3600): number {
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || n <= 0 || n > max) throw new InvalidArgumentError(`Expected a number greater than 0 and at most ${max}.`);
  return n;
}

/** A number from `min` to `max`, both included (a desired retention: 0.7 to 0.97). */
export const numberBetween = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`Expected a number from ${min} to ${max}.`);
  return n;
};

/** commander passes the previous value as a second argument, so bounds are bound here. */
export const intUpTo = (max: number) => (v: string) => positiveInt(v, max);
export const numberUpTo = (max: number) => (v: string) => positiveNumber(v, max);
export const wholeUpTo = (max: number) => (v: string) => wholeNumber(v, max);

export const options = {
  tag: () => new Option('-t, --tag <tag>', 'only questions with this tag (repeatable: any of them)').argParser(collect),
  deck: () => new Option('--deck <name>', 'only questions of this deck (deck name or file name)'),
  difficulty: () => new Option('--difficulty <level>', 'only questions of this difficulty').choices(DIFFICULTIES),
  bank: () => new Option('-b, --bank <path>', 'also load the banks in this file or folder (repeatable)').argParser(collect),
  dataDir: () => new Option('--data-dir <dir>', 'the data folder, where progress lives (default: $MLQUIZ_HOME or the user data folder)'),
  json: () => new Option('--json', 'print one JSON document on stdout and nothing else'),
  seed: () => new Option('--seed <seed>', 'seed for the random tie-breaks: the same seed, banks and progress give the same questions'),
  skipInvalid: () => new Option('--skip-invalid', 'start even if some bank files are invalid, leaving those files out'),
};

export function addOptions(cmd: Command, list: (keyof typeof options)[]): Command {
  for (const name of list) cmd.addOption(options[name]());
  return cmd;
}
