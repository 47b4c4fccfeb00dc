import { join } from 'node:path';
import type { RecallTrace } from '../engine/recall-trace.js';
import { writeCacheFile } from '../progress/atomic-write.js';
import { folderKey, readAscii } from '../progress/snapshot.js';

/*
 * The report's recall trace (engine/recall-trace.ts), kept in the cache folder between
 * runs so that calibration over a long history steps only the reviews made since. Only
 * an optimisation: the trace says which reviews and scheduling it followed, a trace
 * that does not fit is made afresh, and one that cannot be read or written is ignored.
 */

const FORMAT = 3;

export const recallCacheFile = (cache: string, dataDir: string) => join(cache, `recalls-${folderKey(dataDir)}.json`);

const isNumbers = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number');

/*
 * The points as the bytes of float64 arrays in base64: exactly the numbers, and read in
 * a millisecond where 300,000 numbers in JSON take tens.
 */
const toBase64 = (xs: ArrayLike<number>) => Buffer.from(Float64Array.from(xs).buffer).toString('base64');

function fromBase64(v: unknown): Float64Array | undefined {
  if (typeof v !== 'string') return undefined;
  const bytes = Buffer.from(v, 'base64');
  if (bytes.length % 8) return undefined;
  // Copied out to an aligned buffer of its own: a Buffer's bytes may start anywhere in Node's pool.
  const out = new Float64Array(new Uint8Array(bytes).buffer);
  for (let i = 0; i < out.length; i++) if (!Number.isFinite(out[i])) return undefined;
  return out;
}

export function readRecallCache(file: string): RecallTrace | undefined {
  try {
    const doc = JSON.parse(readAscii(file)) as Record<string, unknown> | null;
    if (typeof doc !== 'object' || doc === null || doc.format !== FORMAT) return undefined;
    const { scheduling, count, digest, memory, points } = doc as Partial<Record<keyof RecallTrace, unknown>>;
    if (typeof scheduling !== 'string' || !Number.isSafeInteger(count) || !Number.isSafeInteger(digest)) return undefined;
    if (typeof memory !== 'object' || memory === null || Array.isArray(memory)) return undefined;
    if (!Object.values(memory).every((m) => isNumbers(m, 3))) return undefined;
    if (typeof points !== 'object' || points === null) return undefined;
    const p = points as Record<string, unknown>;
    const at = fromBase64(p.at);
    const predicted = fromBase64(p.predicted);
    // One byte each: 0 or 1.
    const recalled = typeof p.recalled === 'string' ? Buffer.from(p.recalled, 'base64') : undefined;
    const n = at?.length ?? -1;
    if (!at || predicted?.length !== n || recalled?.length !== n || n > (count as number) || !recalled.every((x) => x === 0 || x === 1)) return undefined;
    return { scheduling, count: count as number, digest: digest as number, memory: memory as RecallTrace['memory'], points: { at, predicted, recalled } };
  } catch {
    return undefined;
  }
}

/** Best effort, and atomic: a reader never sees half a trace (writeCacheFile). */
export function writeRecallCache(file: string, trace: RecallTrace): void {
  writeCacheFile(file, () => {
    const { at, predicted, recalled } = trace.points;
    const points = { at: toBase64(at), predicted: toBase64(predicted), recalled: Buffer.from(Uint8Array.from(recalled)).toString('base64') };
    return JSON.stringify({ format: FORMAT, ...trace, points });
  });
}
