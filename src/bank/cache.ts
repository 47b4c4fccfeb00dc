import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MiB, readRegularFile } from '../fs/read-regular.js';
import { isParsedBank } from './cache-check.js';
import { outputFileText, readOutput } from './cache-output.js';
import { openPack, packName } from './cache-pack.js';
import type { BankCache } from './load.js';
import type { ParsedBank } from './parse-yaml-bank.js';

const STALE_MS = 30 * 86_400_000;

/**
 * The bank cache on disk: one JSON file per parsed bank, named by the bank's content
 * hash, in a folder per mlquiz version, and beside it a pack per set of bank paths (see
 * cache-pack.ts) and the outputs kept by content (see cache-output.ts). A run reads only
 * the entries of the banks it loads. It is only an optimisation: any fault means parsing
 * afresh. `now` is the clock file stamps are judged by (see fileStamp).
 */
export function fileBankCache(
  root: string,
  version: string,
  now: () => number = Date.now,
): BankCache & {
  /** The output kept in `slot` if it was kept under exactly `key` (see cache-output.ts). */
  output(slot: string, key: string): Buffer | undefined;
  /** Keeps `output` in `slot` under `key` when the cache is saved, in place of what the slot held. */
  keepOutput(slot: string, key: string, output: string): void;
  save(): Promise<void>;
} {
  const tag = version.replace(/[^\w.-]/g, '_');
  const dir = join(root, `banks-${tag}`);
  const packDir = join(root, `packs-${tag}`);
  const pending = new Map<string, ParsedBank>();
  // Every parse this run served or made, for the pack it writes.
  const served = new Map<string, ParsedBank>();
  let pack: { file: string; open: ReturnType<typeof openPack> } | undefined;
  const outputs = new Map<string, { key: string; output: string }>();
  const outputFile = (slot: string) => join(packDir, `${packName([slot])}.out`);
  return {
    get(hash) {
      const packed = pack?.open.bank(hash);
      if (packed) {
        served.set(hash, packed);
        return packed;
      }
      // Anything but an entry of exactly the right shape, for this very hash, means parsing afresh.
      try {
        const entry: unknown = JSON.parse(readRegularFile(join(dir, `${hash}.json`), 256 * MiB).toString('utf8'));
        if (typeof entry !== 'object' || entry === null) return undefined;
        const { hash: stored, parsed } = entry as { hash?: unknown; parsed?: unknown };
        if (stored !== hash || !isParsedBank(parsed)) return undefined;
        served.set(hash, parsed);
        return parsed;
      } catch {
        return undefined;
      }
    },
    set(hash, parsed) {
      pending.set(hash, parsed);
      served.set(hash, parsed);
    },
    pack(paths) {
      const file = join(packDir, `${packName(paths)}.json`);
      // The same view for the same paths: what a run notes of the files goes into one pack.
      if (pack?.file !== file) pack = { file, open: openPack(file, now) };
      return pack.open.view;
    },
    output: (slot, key) => readOutput(outputFile(slot), key),
    keepOutput(slot, key, output) {
      outputs.set(slot, { key, output });
    },
    async save() {
      const packed = pack?.open.replacement(served);
      if (pending.size === 0 && packed === undefined && outputs.size === 0) return;
      try {
        // Loaded only on a miss: importing it costs more than a warm start-up's whole budget.
        const { default: writeFileAtomic } = await import('write-file-atomic');
        if (pending.size) mkdirSync(dir, { recursive: true });
        for (const [hash, parsed] of pending) await writeFileAtomic(join(dir, `${hash}.json`), JSON.stringify({ hash, parsed }));
        if (packed !== undefined || outputs.size) mkdirSync(packDir, { recursive: true });
        if (packed !== undefined) await writeFileAtomic(pack!.file, packed);
        for (const [slot, { key, output }] of outputs) await writeFileAtomic(outputFile(slot), outputFileText(key, output));
        // Entries of edited banks are never read again; drop those untouched for a month.
        for (const d of [dir, packDir])
          for (const name of existsSync(d) ? readdirSync(d) : []) {
            const f = join(d, name);
            if (now() - statSync(f).mtimeMs > STALE_MS) rmSync(f, { force: true });
          }
      } catch {
        // Read-only or full disk: parse every time.
      }
    },
  };
}
