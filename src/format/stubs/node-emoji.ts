/** Stands in for node-emoji in the bundle: mlquiz renders with `emoji: false`, so no lookup is ever made. */
export function get(): undefined {
  return undefined;
}
