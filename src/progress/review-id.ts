import { createRequire } from 'node:module';
import type { Review } from './schema.js';

/**
 * A review's id, made from what makes it that review: the question, the instant, the
 * session, the rating and the time taken. Two machines that migrate the same old file,
 * or a backup merged twice, give each review the same id, so a copy is recognised
 * wherever it arrives; two real reviews never share all five. 96 bits of SHA-256:
 * a collision among a billion reviews has odds below one in 10^10.
 */
/** Loaded on the first id made (a commit), not at start-up. */
let crypto: typeof import('node:crypto') | undefined;

export function reviewId(r: Pick<Review, 'question' | 'at' | 'session' | 'rating' | 'duration_ms' | 'state'>): string {
  const key = `${r.question}|${Date.parse(r.at)}|${r.session}|${r.rating}|${r.duration_ms}|${r.state}`;
  return (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'))
    .createHash('sha256')
    .update(key)
    .digest('base64url')
    .slice(0, 16);
}

/** The review's own id, or the one its content gives (reviews of files before version 4 have none). */
export const idOf = (r: Review): string => r.id ?? reviewId(r);

/** The review with its id written in. */
export const withId = (r: Review): Review => (r.id ? r : { id: reviewId(r), ...r });
