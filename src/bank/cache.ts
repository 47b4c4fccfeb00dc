import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MiB, readRegularFile } from '../fs/read-regular.js';
import { isParsedBank } from './cache-check.js';
import type { BankCache } from './load.js';
import type { ParsedBank } from './parse-yaml-bank.js';

const STALE_MS = 30 * 86_400_000;

/**
 * The bank cache on disk: one JSON file per parsed bank, named by the bank's content
 * hash, in a folder per mlquiz version. A run reads only the entries of the banks it
 * loads. It is only an optimisation: any fault means parsing afresh.
 */
export function fileBankCache(root: string, version: string): BankCache & { save(): Promise<void> } {
  const dir = join(root, `banks-${version.replace(/[^\w.-]/g, '_')}`);
  const pending = new Map<string, ParsedBank>();
  return {
    get(hash) {
      // Anything but an entry of exactly the right shape, for this very hash, means parsing afresh.
      try {
        const entry: unknown = JSON.parse(readRegularFile(join(dir, `${hash}.json`), 256 * MiB).toString('utf8'));
        if (typeof entry !== 'object' || entry === null) return undefined;
        const { hash: stored, parsed } = entry as { hash?: unknown; parsed?: unknown };
        return stored === hash && isParsedBank(parsed) ? parsed : undefined;
      } catch {
        return undefined;
      }
    },
    set(hash, parsed) {
      pending.set(hash, parsed);
    },
    async save() {
      if (pending.size === 0) return;
      try {
        mkdirSync(dir, { recursive: true });
        // Loaded only on a miss: importing it costs more than a warm start-up's whole budget.
        const { default: writeFileAtomic } = await import('write-file-atomic');
        for (const [hash, parsed] of pending) await writeFileAtomic(join(dir, `${hash}.json`), JSON.stringify({ hash, parsed }));
        // Entries of edited banks are never read again; drop those untouched for a month.
        const now = Date.now();
        for (const name of readdirSync(dir)) {
          const f = join(dir, name);
          if (now - statSync(f).mtimeMs > STALE_MS) rmSync(f, { force: true });
        }
      } catch {
        // Read-only or full disk: parse every time.
      }
    },
  };
}
