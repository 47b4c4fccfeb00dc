import { randomHex } from './atomic-write.js';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { RuntimeFailure } from '../errors.js';
import { describeFsError } from './fs-errors.js';

/**
 * A lock for one machine's sessions: a folder made with mkdir (atomic), holding the
 * owner's pid, host and a random token. It is judged stale only when its owner is
 * gone (its pid no longer runs on this host), or when it is older than `maxAgeMs`
 * (a recycled pid, or another host on a shared folder). A live owner is never judged
 * stale however long its commit takes: that is what lost reviews with an mtime lease.
 * Whoever writes checks `holds()` just before it renames, so even a lock taken over by
 * mistake stops the old writer before it can replace anything.
 */
export interface Lock {
  readonly token: string;
  /** True while the lock folder still names this token. */
  holds(): boolean;
  release(): void;
}

export interface LockOptions {
  /** How long to wait for a live owner before giving up. */
  timeoutMs?: number;
  /** A lock older than this is stale even if its pid seems alive. */
  maxAgeMs?: number;
  /** A lock folder without an owner file (its maker was killed before writing one) is stale after this. */
  ownerlessMs?: number;
  /** Whether a pid runs on this host (tests replace it). */
  isAlive?: (pid: number) => boolean;
  sleep?: (ms: number) => Promise<void>;
}

interface Owner {
  pid: number;
  host: string;
  token: string;
  at: number;
}

const OWNER = 'owner.json';

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(dir: string): Owner | undefined {
  try {
    const o = JSON.parse(readFileSync(`${dir}/${OWNER}`, 'utf8')) as Owner;
    return typeof o.token === 'string' && Number.isInteger(o.pid) ? o : undefined;
  } catch {
    return undefined;
  }
}

export async function acquireLock(path: string, opts: LockOptions = {}): Promise<Lock> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const maxAgeMs = opts.maxAgeMs ?? 10 * 60_000;
  const isAlive = opts.isAlive ?? pidAlive;
  const sleep = opts.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const token = randomHex(12);
  const host = hostname();
  const started = Date.now();
  let wait = 10;
  for (;;) {
    try {
      mkdirSync(path);
      try {
        writeFileSync(`${path}/${OWNER}`, JSON.stringify({ pid: process.pid, host, token, at: Date.now() } satisfies Owner));
      } catch (e) {
        rmSync(path, { recursive: true, force: true });
        throw e;
      }
      return {
        token,
        holds: () => readOwner(path)?.token === token,
        release() {
          if (readOwner(path)?.token === token) rmSync(path, { recursive: true, force: true });
        },
      };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new RuntimeFailure(describeFsError(path, e, 'cannot take the progress lock'));
    }
    let st;
    try {
      st = lstatSync(path);
    } catch {
      continue; // released meanwhile
    }
    if (!st.isDirectory())
      throw new RuntimeFailure(`${path} is a stray file where mlquiz keeps its lock folder; no mlquiz made it. Remove the stray file ${path} and try again.`);
    const owner = readOwner(path);
    const age = Date.now() - (owner?.at ?? st.mtimeMs);
    // A folder without an owner file is one being made right now, or an older mlquiz's lock
    // (it refreshed the folder's mtime every second): give it a few seconds.
    const stale = owner ? (owner.host === host && !isAlive(owner.pid)) || age > maxAgeMs : age > (opts.ownerlessMs ?? 10_000);
    if (stale) {
      const aside = `${path}.stale-${token}`;
      try {
        renameSync(path, aside);
        rmSync(aside, { recursive: true, force: true });
      } catch {
        // Someone else cleared it first.
      }
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      const who = owner ? `pid ${owner.pid}${owner.host === host ? '' : ` on ${owner.host}`}` : 'another process';
      throw new RuntimeFailure(
        `${path}: another mlquiz (${who}) has held the progress lock for ${Math.round(age / 1000)} s. Wait for it to finish; if no mlquiz is running, remove ${path}.`,
      );
    }
    await sleep(wait);
    wait = Math.min(250, wait * 1.5);
  }
}

/** Whether `path` exists as a folder (used for clearer messages before a lock is taken). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
