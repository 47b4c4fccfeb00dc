import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempName } from './atomic-write.js';
import { areCards, isPlainObject } from './review-check.js';
import type { StoredCard } from './schema.js';
import type { Stamp } from './sources.js';

/*
 * The cards as last replayed, with what they were replayed from: a cache, kept in the
 * cache folder and never in the data folder, so a sync tool never carries it. A snapshot
 * that does not fit the sources (a file shrank or vanished, the old progress file
 * changed, other scheduling) is not used; one whose journals only grew is used for the
 * questions that got no new review. Losing it costs one full replay, nothing else.
 */

export interface Snapshot {
  /** What the cards were scheduled with (parameters, day start): other scheduling, other cards. */
  scheduling: string;
  /** Each journal's size in bytes when the cards were replayed. */
  journals: Record<string, number>;
  legacy: Stamp | null;
  cards: Record<string, StoredCard>;
}

const FORMAT = 1;

export function snapshotFile(dir: string, dataDir: string, device: string): string {
  const key = fnv1a(resolve(dataDir));
  return join(dir, `progress-${key}-${device}.json`);
}

/** A short name for a folder's path: a cache's name needs no cryptography (and node:crypto costs start-up time). */
function fnv1a(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(text, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

export function readSnapshot(file: string): Snapshot | undefined {
  try {
    const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isPlainObject(doc) || doc.format !== FORMAT || typeof doc.scheduling !== 'string' || !isPlainObject(doc.journals)) return undefined;
    if (!Object.values(doc.journals).every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) return undefined;
    const legacy = doc.legacy;
    if (legacy !== null && !(isPlainObject(legacy) && typeof legacy.size === 'number' && typeof legacy.mtimeMs === 'number')) return undefined;
    // The cards are checked as a stored card would be: a damaged cache is ignored, not trusted.
    if (!areCards(doc.cards)) return undefined;
    return doc as unknown as Snapshot;
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written is only slower next time. */
export function writeSnapshot(file: string, snap: Snapshot): void {
  const tmp = tempName(file);
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, ...snap }));
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/** Whether the snapshot may stand for the sources as they are now: nothing shrank, vanished or changed under it. */
export function fits(snap: Snapshot | undefined, scheduling: string, journals: ReadonlyMap<string, number>, legacy: Stamp | undefined): snap is Snapshot {
  if (!snap || snap.scheduling !== scheduling) return false;
  if ((snap.legacy === null) !== (legacy === undefined)) return false;
  if (snap.legacy && legacy && (snap.legacy.size !== legacy.size || snap.legacy.mtimeMs !== legacy.mtimeMs)) return false;
  for (const [name, size] of Object.entries(snap.journals)) {
    const now = journals.get(name);
    if (now === undefined || now < size) return false;
  }
  return true;
}
