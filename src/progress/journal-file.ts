import { closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { MiB } from '../fs/read-regular.js';
import { header, line, type JournalEvent } from './journal.js';

/** The most one journal may hold (about five million reviews): beyond it a file is not a journal of ours. */
export const MAX_JOURNAL_BYTES = 1024 * MiB;

/** Fills `buf` from the file at `from` on, as far as the file goes: what was read. */
function readAt(fd: number, buf: Buffer, from: number): Buffer {
  let off = 0;
  while (off < buf.length) {
    const n = readSync(fd, buf, off, buf.length - off, from + off);
    if (n === 0) break;
    off += n;
  }
  return buf.subarray(0, off);
}

/** Bytes `from` to `to` of a file (fewer if it is shorter now). */
export function readBytes(file: string, from: number, to: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    return readAt(fd, Buffer.alloc(Math.max(0, to - from)), from);
  } finally {
    closeSync(fd);
  }
}

/**
 * A regular file's bytes from `from` to its end, with its size and time of change then;
 * undefined for anything readRegularFile would refuse (which then says why). Opened as
 * it opens one, so that a FIFO cannot hang the read.
 */
export function readFrom(file: string, from: number, maxBytes: number): { buf: Buffer; size: number; mtimeMs: number } | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes || st.size < from) return undefined;
    const buf = readAt(fd, Buffer.allocUnsafe(st.size - from), from);
    return { buf, size: from + buf.length, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Appends the records and flushes them to disk before returning: once this returns, a
 * crash or a power cut keeps them. A new file starts with its header. If the file does
 * not end with a newline (a write cut short by a crash or a full disk), a newline ends
 * that torn line first, so it stays one line that readers skip with a warning instead of
 * swallowing the next record. Returns the file's new size.
 */
export function appendJournal(file: string, device: string, events: readonly JournalEvent[], beforeWrite: () => void = () => {}): number {
  const fd = openSync(file, 'a+', 0o644);
  let created = false;
  let size: number;
  try {
    const before = fstatSync(fd).size;
    created = before === 0;
    let text = created ? `${header(device)}\n` : '';
    if (!created) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, before - 1);
      if (last[0] !== 0x0a) text = '\n';
    }
    for (const e of events) text += `${line(e)}\n`;
    const buf = Buffer.from(text, 'utf8');
    beforeWrite();
    try {
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } catch (e) {
      // A write cut short by a full disk is taken back whole: no half record, and nothing
      // of an answer reported unsaved stays to count later.
      try {
        ftruncateSync(fd, before);
        fsyncSync(fd);
      } catch {
        // Left as a torn line, which readers skip with a warning.
      }
      throw e;
    }
    size = before + buf.length;
  } finally {
    closeSync(fd);
  }
  if (created) syncFolder(dirname(file));
  return size;
}

/** A new file's name is durable only once its folder is flushed too. */
export function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot flush a folder; the data itself is flushed.
  }
}
