import { isUtf8 } from 'node:buffer';
import { MiB, readRegularFile } from '../fs/read-regular.js';

/*
 * A command's whole output kept beside the packs, under a key that names the command,
 * every option its output depends on, and the content hash of every bank it read (see
 * knownContent in load.ts). The output is a pure function of that key, so a hit prints
 * exactly what the command would have computed. The file is `key`, a line break, then
 * the output's bytes, which go to stdout as they are: they are served only if they are
 * UTF-8 with no control character but tab and newline, as bank text is checked.
 */

/** The bytes that are control characters of UTF-8 on their own: C0 but tab and newline, and DEL. */
const CONTROL_BYTES = [...Array.from({ length: 32 }, (_, i) => i).filter((i) => i !== 9 && i !== 10), 0x7f];

/**
 * Whether UTF-8 bytes hold a control character but tab and newline: one of CONTROL_BYTES,
 * or a C1 control (0xC2 then 0x80 to 0x9F). A search of the bytes for each value (memchr)
 * takes a fifth of the time a regular expression over the decoded text does.
 */
function hasControlByte(bytes: Buffer): boolean {
  if (CONTROL_BYTES.some((c) => bytes.includes(c))) return true;
  for (let i = bytes.indexOf(0xc2); i >= 0; i = bytes.indexOf(0xc2, i + 1)) if (bytes[i + 1]! >= 0x80 && bytes[i + 1]! <= 0x9f) return true;
  return false;
}

/** The file's output if it was kept under exactly `key` and is safe to print; undefined on any fault. */
export function readOutput(file: string, key: string): Buffer | undefined {
  try {
    const bytes = readRegularFile(file, 256 * MiB);
    const head = Buffer.from(`${key}\n`);
    if (bytes.length < head.length || !bytes.subarray(0, head.length).equals(head)) return undefined;
    const body = bytes.subarray(head.length);
    return isUtf8(body) && !hasControlByte(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

/** The text of the file that keeps `output` under `key`; a key is one line of JSON. */
export function outputFileText(key: string, output: string): string {
  if (key.includes('\n')) throw new Error('an output key is one line');
  return `${key}\n${output}`;
}
