/**
 * One argument as a POSIX shell reads it back unchanged: bare when it holds only safe
 * characters, else in single quotes. Suggested commands are copied into shells, and
 * the tags and ids in them come from banks written by strangers.
 */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `mlquiz run --tag a --tag b` from a flag and its values, each value quoted as needed. */
export function repeatFlag(flag: string, values: readonly string[]): string {
  return values.map((v) => ` ${flag} ${shellQuote(v)}`).join('');
}
