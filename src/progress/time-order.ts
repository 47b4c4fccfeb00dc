/** Reviews in the order they were made: by time, ties in log order (a log may hold them out of order after a merge or a clock change). */
export function inTimeOrder<R extends { at: string }>(reviews: readonly R[]): R[] {
  // A log read back is in order run by run: each machine's journal is, and the union is
  // one journal after another. UTC instants of one form compare as strings, so the runs
  // are found and merged without parsing a date; anything else is sorted by its time.
  const starts: number[] = [];
  for (let i = 0; i < reviews.length; i++) {
    const at = reviews[i]!.at;
    if (!comparesAsText(at)) return sortByTime(reviews);
    if (i === 0 || reviews[i - 1]!.at > at) starts.push(i);
  }
  if (starts.length > MAX_RUNS) return sortByTime(reviews);
  let runs = starts.map((s, k) => reviews.slice(s, starts[k + 1] ?? reviews.length));
  if (runs.length === 0) return [];
  while (runs.length > 1) {
    const next: R[][] = [];
    for (let k = 0; k < runs.length; k += 2) next.push(k + 1 < runs.length ? merge(runs[k]!, runs[k + 1]!) : runs[k]!);
    runs = next;
  }
  return runs[0]!;
}

/** The form toISOString writes (24 characters, UTC): instants of it compare as strings do. */
const comparesAsText = (at: string) => at.length === 24 && at.charCodeAt(23) === 90;

/** Beyond this many runs (a log shuffled by hand, say) a sort is as quick. */
const MAX_RUNS = 64;

/** Two runs in time order as one; on a tie the earlier run's review first, as in the log. */
function merge<R extends { at: string }>(a: readonly R[], b: readonly R[]): R[] {
  const out: R[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(b[j]!.at < a[i]!.at ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function sortByTime<R extends { at: string }>(reviews: readonly R[]): R[] {
  return reviews
    .map((r, i) => ({ r, i, t: instantOf(r.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.r);
}

/**
 * "At or after `ms`" for review instants: canonical UTC instants (what mlquiz writes)
 * compare as strings, as inTimeOrder compares them; any other form is parsed.
 */
export function atOrAfter(ms: number): (at: string) => boolean {
  const iso = Number.isFinite(ms) && ms >= 0 && ms < 253402300800000 ? new Date(ms).toISOString() : '';
  if (iso.length !== 24) return (at) => Date.parse(at) >= ms;
  return (at) => (comparesAsText(at) ? at >= iso : Date.parse(at) >= ms);
}

/**
 * Date.parse for review instants, three times quicker on the canonical UTC form mlquiz
 * writes (`2026-11-21T09:15:57.186Z`), read digit by digit; any other form goes to
 * Date.parse. Over 100,000 reviews the parse is most of a report's pass over the log.
 */
export function instantOf(at: string): number {
  const t = canonicalInstant(at);
  return t === undefined ? Date.parse(at) : t;
}

/** The date part (with its `T`) of the last canonical instant read, and its day number. */
let lastDate = '\u0000';
let lastDays = 0;

/** The instant of a canonical UTC form with every field in range, else undefined. */
function canonicalInstant(at: string): number | undefined {
  if (!comparesAsText(at) || at.charCodeAt(10) !== 84 || at.charCodeAt(19) !== 46) return undefined;
  if (at.charCodeAt(4) !== 45 || at.charCodeAt(7) !== 45 || at.charCodeAt(13) !== 58 || at.charCodeAt(16) !== 58) return undefined;
  // A log in time order holds many instants of one day running: that day's number is kept at hand.
  let days = lastDays;
  if (!at.startsWith(lastDate)) {
    const y = digits(at, 0, 4);
    const mo = digits(at, 5, 2);
    const day = digits(at, 8, 2);
    if (y < 0 || mo < 1 || mo > 12 || day < 1 || day > daysIn(y, mo)) return undefined;
    days = daysFromCivil(y, mo, day);
    lastDate = at.slice(0, 11);
    lastDays = days;
  }
  const h = digits(at, 11, 2);
  const mi = digits(at, 14, 2);
  const sec = digits(at, 17, 2);
  const ms = digits(at, 20, 3);
  // A non-digit makes its field negative.
  if (ms < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return undefined;
  return days * 86_400_000 + ((h * 60 + mi) * 60 + sec) * 1000 + ms;
}

/** The number written by `n` digits from `i`, or -1 if any is not a digit. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1]!);

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
