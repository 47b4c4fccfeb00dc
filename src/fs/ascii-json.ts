import { isAscii } from 'node:buffer';
import { readRegularFile } from './read-regular.js';

/*
 * The caches (bank packs, progress snapshots, recall traces) are written in ASCII alone,
 * every other character as a JSON \u escape, so that they decode as one-byte text, which
 * is quicker to make and to parse than UTF-8.
 */

/** `value` as JSON text with every character outside ASCII (and DEL) escaped. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A regular file of at most `maxBytes` as text: one-byte when it is all ASCII (`ascii`), else decoded as UTF-8. */
export function readAsciiText(file: string, maxBytes: number): { text: string; ascii: boolean } {
  const bytes = readRegularFile(file, maxBytes);
  const ascii = isAscii(bytes);
  return { text: bytes.toString(ascii ? 'latin1' : 'utf8'), ascii };
}
