import { statSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { asciiJson } from '../fs/ascii-json.js';
import { MiB, readRegularFile } from '../fs/read-regular.js';
import { asciiJsonFreeOfControls, isParsedBank } from './cache-check.js';
import type { PackView } from './load.js';
import type { ParsedBank } from './parse-yaml-bank.js';

/*
 * The bank cache's fast path. Finding a bank's cache entry by content hash means reading
 * and hashing every bank file, then reading one entry per file. A pack is one file per
 * set of bank paths: each file's stamp (its stat) with the hash its bytes had, the parse
 * of each hash, and each folder's listing in sorted order; a warm start stats the files
 * and reads the pack. Its text is two lines: the stamps and listings, then the parses,
 * which are parsed only when a bank is asked for (a memo of a command's output needs the
 * stamps alone; see cache-output.ts).
 */

/** A file changed this recently is hashed every time: a write in the same tick of a coarse file-system clock would leave its stamp as it was. */
const RACY_MS = 2000;

/**
 * A regular file's size, device, inode, modification and change times. The change time
 * moves on every write, rename into place, chmod or touch and cannot be set back, so a
 * stamp that is unchanged means bytes that are unchanged (git's index trusts the same).
 * Taken before the file is read, so a write during the read leaves a stamp that no longer matches.
 */
export function fileStamp(path: string, now: number): string | undefined {
  try {
    const st = statSync(path);
    if (!st.isFile() || Math.max(st.mtimeMs, st.ctimeMs) > now - RACY_MS) return undefined;
    return `${st.size}:${st.dev}:${st.ino}:${st.mtimeMs}:${st.ctimeMs}`;
  } catch {
    return undefined;
  }
}

/** A short name for a list of paths (FNV-1a, two lanes); a collision only costs a rewrite of the pack. */
export function packName(paths: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const f of paths)
    for (let i = 0; i <= f.length; i++) {
      const c = i < f.length ? f.charCodeAt(i) : 0;
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
    }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * What a locale-aware sort depends on. ICU reads the process's own environment (not a
 * context's) the first time it collates, and that first time costs more than a warm
 * start-up's whole bank load; a sorted listing is reused only under the same collation.
 */
const collation = () =>
  JSON.stringify([...['LC_ALL', 'LC_COLLATE', 'LC_MESSAGES', 'LANG', 'LANGUAGE', 'NODE_ICU_DATA'].map((k) => process.env[k] ?? ''), process.versions.icu]);

/** Names in code-point order, a key that needs no collator; `/` is the one character no file name holds. */
const byCodePoint = (names: readonly string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('/');

interface PackData {
  collation: string;
  /** Per bank file: [stamp, content hash]. */
  files: Record<string, [string, string]>;
  /** Per listing (its names in code-point order): the names as the locale sorts them. */
  orders: Record<string, string[]>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEntry = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string';

/**
 * The pack at `path` (an empty one when it is missing or unreadable) and what this run
 * would write in its place. Like every cache entry it is trusted only in the shape
 * parsing produces: a bad file entry or listing is ignored, a bad parse never served.
 */
export function openPack(path: string, now: () => number) {
  let old: Partial<Record<keyof PackData, unknown>> = {};
  let body: (() => string) | undefined;
  let ascii = false;
  try {
    // Written in ASCII (see replacement), where no line break is left raw inside a string.
    // Only the first line is decoded now: a kept output needs the stamps alone.
    const bytes = readRegularFile(path, 256 * MiB);
    ascii = isAscii(bytes);
    const encoding = ascii ? 'latin1' : 'utf8';
    const cut = bytes.indexOf(10);
    const raw: unknown = cut < 0 ? undefined : JSON.parse(bytes.toString(encoding, 0, cut));
    if (isObj(raw)) {
      old = raw;
      body = () => bytes.toString(encoding, cut + 1);
    }
  } catch {
    // Every file is read and hashed.
  }
  let oldBanks: Record<string, unknown> | undefined;
  // One scan of the text for control characters instead of a test of each string.
  let noControls = false;
  const oldParses = () => {
    if (oldBanks === undefined) {
      oldBanks = {};
      try {
        const text = body?.();
        const raw: unknown = text === undefined ? undefined : JSON.parse(text);
        if (isObj(raw)) {
          oldBanks = raw;
          noControls = ascii && asciiJsonFreeOfControls(text!);
        }
      } catch {
        // Every bank is parsed afresh.
      }
    }
    return oldBanks;
  };
  const oldFiles = isObj(old.files) ? old.files : {};
  const oldOrders = isObj(old.orders) && old.collation === collation() ? old.orders : {};
  const next: PackData = { collation: collation(), files: {}, orders: {} };
  const taken = new Map<string, string | undefined>();
  const checked = new Map<string, ParsedBank | undefined>();
  const view: PackView = {
    hashOf(file) {
      const stamp = fileStamp(file, now());
      taken.set(file, stamp);
      const entry = Object.hasOwn(oldFiles, file) ? oldFiles[file] : undefined;
      return stamp !== undefined && isEntry(entry) && entry[0] === stamp ? entry[1] : undefined;
    },
    record(file, hash) {
      const stamp = taken.get(file);
      if (stamp !== undefined) next.files[file] = [stamp, hash];
    },
    recorded(file) {
      return Object.hasOwn(next.files, file) ? next.files[file]![1] : undefined;
    },
    sorted(names, sort) {
      const key = byCodePoint(names);
      const known = Object.hasOwn(oldOrders, key) ? oldOrders[key] : undefined;
      const order = Array.isArray(known) && known.every((n) => typeof n === 'string') && byCodePoint(known) === key ? known : sort(names);
      next.orders[key] = order;
      return order;
    },
  };
  return {
    view,
    /** The parse of `hash` the pack holds, if it has exactly the right shape. */
    bank(hash: string): ParsedBank | undefined {
      if (!checked.has(hash)) {
        const banks = oldParses();
        const v = Object.hasOwn(banks, hash) ? banks[hash] : undefined;
        checked.set(hash, isParsedBank(v, noControls) ? v : undefined);
      }
      return checked.get(hash);
    },
    /** The pack to write, given the parses this run served; undefined when the one on disk already says it. */
    replacement(parses: ReadonlyMap<string, ParsedBank>): string | undefined {
      const unchanged =
        old.collation === next.collation &&
        JSON.stringify(old.files) === JSON.stringify(next.files) &&
        JSON.stringify(old.orders) === JSON.stringify(next.orders);
      if (unchanged || Object.keys(next.files).length === 0) return undefined;
      const files = Object.fromEntries(Object.entries(next.files).filter(([, [, hash]]) => parses.has(hash)));
      const banks = Object.fromEntries(Object.values(files).map(([, hash]) => [hash, parses.get(hash)!]));
      return `${asciiJson({ ...next, files } satisfies PackData)}\n${asciiJson(banks)}`;
    },
  };
}
