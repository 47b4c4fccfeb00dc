import { withId } from './review-id.js';
import { PROGRESS_VERSION, type Review } from './schema.js';

/** `migrations[n]` turns a version-n document into version n+1. */
export type Migrations = Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>;

/** The shipped table: each change to the file adds one step here and a test with a real old file. */
export const MIGRATIONS: Migrations = {
  // Version 1 kept a copy of the whole card before each review, which doubled the cost
  // of reading a long history; version 2 keeps the card's state (0 for a first review).
  1: (doc) => ({
    ...doc,
    reviews: Array.isArray(doc.reviews)
      ? doc.reviews.map((r: Record<string, unknown>) => ({ ...r, state: (r.state as { state?: unknown } | null)?.state ?? 0 }))
      : doc.reviews,
  }),
  // Version 3 added the optional goal: a version-2 file is a version-3 file without one.
  2: (doc) => doc,
  // Version 4 gives each review an id, so a copy of it is known wherever it arrives.
  3: (doc) => ({ ...doc, reviews: Array.isArray(doc.reviews) ? doc.reviews.map((r: Review) => (r && typeof r === 'object' ? withId(r) : r)) : doc.reviews }),
};

export type VersionCheck = { kind: 'current' } | { kind: 'older'; from: number } | { kind: 'newer'; found: number } | { kind: 'invalid'; message: string };

export function checkVersion(doc: unknown, current = PROGRESS_VERSION): VersionCheck {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { kind: 'invalid', message: 'the file must hold a JSON object' };
  const v = (doc as { version?: unknown }).version;
  if (!Number.isInteger(v) || (v as number) < 0) return { kind: 'invalid', message: '"version" must be a whole number' };
  if (v === current) return { kind: 'current' };
  return (v as number) > current ? { kind: 'newer', found: v as number } : { kind: 'older', from: v as number };
}

/** Pure: applies each step from the document's version up to `target`. */
export function migrate(doc: Record<string, unknown>, migrations: Migrations = MIGRATIONS, target = PROGRESS_VERSION): Record<string, unknown> {
  let out = doc;
  for (let v = out.version as number; v < target; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`no migration from progress version ${v} to ${v + 1}`);
    out = { ...step(out), version: v + 1 };
  }
  return out;
}
