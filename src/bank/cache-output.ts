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

/** A C0 or C1 control but tab and newline, or DEL, in UTF-8 bytes read as Latin-1 (C1 is 0xC2 then 0x80 to 0x9F). */
const CONTROL_IN_UTF8 = /[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]/;

/** The file's output if it was kept under exactly `key` and is safe to print; undefined on any fault. */
export function readOutput(file: string, key: string): Buffer | undefined {
  try {
    const bytes = readRegularFile(file, 256 * MiB);
    const head = Buffer.from(`${key}\n`);
    if (bytes.length < head.length || !bytes.subarray(0, head.length).equals(head)) return undefined;
    const body = bytes.subarray(head.length);
    return isUtf8(body) && !CONTROL_IN_UTF8.test(body.toString('latin1')) ? body : undefined;
  } catch {
    return undefined;
  }
}

/** The text of the file that keeps `output` under `key`; a key is one line of JSON. */
export function outputFileText(key: string, output: string): string {
  if (key.includes('\n')) throw new Error('an output key is one line');
  return `${key}\n${output}`;
}
