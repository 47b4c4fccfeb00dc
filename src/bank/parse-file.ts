import { basename, extname } from 'node:path';
import { parseMarkdownBank } from './parse-markdown-bank.js';
import { parseYamlBank, type ParsedBank } from './parse-yaml-bank.js';
import { fileError } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Pure: one file's bytes to questions and diagnostics, whatever its format. */
export function parseBankFile(file: string, bytes: Uint8Array): ParsedBank {
  const fail = (message: string): ParsedBank => ({ questions: [], diagnostics: [fileError(file, message)] });
  if (bytes.length === 0) return fail('the file is empty');
  if (bytes.includes(0)) return fail('this is a binary file, not a text bank');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return fail('the file is not valid UTF-8 text');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) return fail('the file is empty');
  const deck = basename(file, extname(file));
  let parsed: ParsedBank;
  try {
    parsed = extname(file).toLowerCase() === '.md' ? parseMarkdownBank(file, text, deck) : parseYamlBank(file, text, deck);
  } catch (e) {
    // Deep nesting ([[[[…) exhausts the stack in the YAML parser or the schema check.
    if (e instanceof RangeError) return fail('the YAML is nested too deeply to be a bank');
    throw e;
  }
  parsed.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return parsed;
}
