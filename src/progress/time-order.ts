/** Reviews in the order they were made: by time, ties in log order (a log may hold them out of order after a merge or a clock change). */
export function inTimeOrder<R extends { at: string }>(reviews: readonly R[]): R[] {
  // A log read back is in order run by run: each machine's journal is, and the union is
  // one journal after another. UTC instants of one form compare as strings, so the runs
  // are found and merged without parsing a date; anything else is sorted by its time.
  const starts: number[] = [];
  for (let i = 0; i < reviews.length; i++) {
    const at = reviews[i]!.at;
    if (at.length !== 24 || at.charCodeAt(23) !== 90) return sortByTime(reviews);
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
    .map((r, i) => ({ r, i, t: Date.parse(r.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.r);
}
