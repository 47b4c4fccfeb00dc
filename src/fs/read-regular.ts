import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** Why a path could not be read as a regular file; `code` keeps the errno when there is one. */
export class NotReadable extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export const MiB = 1024 * 1024;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a file only if it is a regular file of at most `maxBytes`. Opening with
 * O_NONBLOCK means a FIFO never blocks in open() (where even SIGTERM goes unheard), and
 * the kind is taken from the open descriptor, so a swap after a stat cannot fool it.
 * Reading stops one byte past the cap, so /dev/zero or a growing file cannot exhaust memory.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new NotReadable(code === 'ENOENT' ? 'no such file' : `cannot open (${code ?? (e as Error).message})`, code);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NotReadable(`is ${kindOf(st)}, not a regular file`, 'ENOTREG');
    if (st.size > maxBytes) throw new NotReadable(tooLarge(st.size, maxBytes), 'EFBIG');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 0) + 1, 8 * MiB));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new NotReadable(tooLarge(total, maxBytes), 'EFBIG');
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof NotReadable) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new NotReadable(`cannot read (${code ?? (e as Error).message})`, code);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number, max: number): string {
  const mib = (n: number) => `${(n / MiB).toFixed(n < MiB ? 2 : 0)} MiB`;
  return `is larger than ${mib(max)}${size > max ? ` (at least ${mib(size)})` : ''}, the most mlquiz reads`;
}
