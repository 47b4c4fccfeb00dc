/** Reviews in the order they were made: by time, ties in log order (a log may hold them out of order after a merge or a clock change). */
export function inTimeOrder<R extends { at: string }>(reviews: readonly R[]): R[] {
  // A log read back is nearly always in order already: UTC instants of one form compare as strings.
  let sorted = true;
  for (let i = 0; sorted && i < reviews.length; i++) {
    const at = reviews[i]!.at;
    sorted = at.length === 24 && at.charCodeAt(23) === 90 && (i === 0 || reviews[i - 1]!.at <= at);
  }
  if (sorted) return [...reviews];
  return reviews
    .map((r, i) => ({ r, i, t: Date.parse(r.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.r);
}
