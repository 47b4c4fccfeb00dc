import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Random letters for names and tokens that need only be unlikely to repeat (temporary
 * files beside a pid, a lock's owner, a device id beside its host name), not secret:
 * Math.random, since even Web Crypto's global loads crypto modules before the first question.
 */
export const randomHex = (bytes: number): string =>
  Array.from({ length: bytes }, () => Math.floor(Math.random() * 256))
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/** Names of temporary files: `progress.json.tmp-<pid>-<hex>`. */
export const tempName = (file: string) => `${file}.tmp-${process.pid}-${randomHex(4)}`;

/**
 * Writes `text` to a temporary file beside `file`, flushes it to disk, asks
 * `beforeRename` whether it may go on, then renames it over `file` and flushes the
 * folder. A crash leaves the old file or the new one, never a mix. Unlike
 * write-file-atomic this gives a hook between the flush and the rename: the lock is
 * checked there, so a writer whose lock was taken over never replaces the file.
 * Any failure removes the temporary file and rethrows the original error.
 */
export function writeFileAtomicSync(file: string, text: string | Uint8Array, beforeRename: () => void = () => {}): void {
  const tmp = tempName(file);
  const fd = openSync(tmp, 'wx', 0o644);
  let renamed = false;
  try {
    try {
      const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    beforeRename();
    renameSync(tmp, file);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
  }
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some file systems cannot fsync a folder; the rename itself is still atomic.
  }
}

/**
 * A cache file written whole or not at all (temporary file, then rename), not flushed:
 * best effort, as a cache that cannot be written is only slower next time.
 */
export function writeCacheFile(file: string, text: () => string): void {
  const tmp = tempName(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, text());
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}
