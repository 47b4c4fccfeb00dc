import { mkdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { randomHex, writeFileAtomicSync } from './atomic-write.js';

/** A device id names this machine's journal file: a short slug, safe in any file system. */
export const DEVICE_ID = /^[a-z0-9][a-z0-9_-]{0,47}$/;

/** This machine's name as a slug, so a person who lists the journal folder knows whose file is whose. */
const hostSlug = () =>
  hostname()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24) || 'machine';

/**
 * The device id: MLQUIZ_DEVICE when set, else the one kept in `configDir`, made on first
 * use from the host name and random letters (two machines both called "laptop" still
 * differ). It lives outside the data folder: a synced data folder would carry one id to
 * every machine, and two machines writing one journal is what this avoids. Where the
 * config folder cannot be written, an id made from the host name alone is used, the
 * same every time on this machine.
 */
export function resolveDevice(fromEnv: string | undefined, configDir: string | undefined, fallback = hostSlug): string {
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!DEVICE_ID.test(fromEnv))
      throw new UsageError(`MLQUIZ_DEVICE=${JSON.stringify(fromEnv)} is not a device id: use lower-case letters, digits, - and _ (at most 48), e.g. laptop`);
    return fromEnv;
  }
  if (configDir === undefined) return fallback();
  const file = join(configDir, 'device-id');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (DEVICE_ID.test(kept)) return kept;
  } catch {
    // Not made yet.
  }
  const made = `${hostSlug()}-${randomHex(4)}`;
  try {
    mkdirSync(configDir, { recursive: true });
    writeFileAtomicSync(file, `${made}\n`);
    return made;
  } catch {
    return hostSlug();
  }
}
