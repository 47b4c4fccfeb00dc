import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseMarkdownBank } from './parse-markdown-bank.js';
import { parseYamlBank, type ParsedBank } from './parse-yaml-bank.js';
import type { BankSet, Diagnostic, Question } from './types.js';

const BANK_EXTENSIONS = new Set(['.yaml', '.yml', '.md']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Pure: one file's bytes to questions and diagnostics, whatever its format. */
export function parseBankFile(file: string, bytes: Uint8Array): ParsedBank {
  const fail = (message: string): ParsedBank => ({ questions: [], diagnostics: [{ file, line: 1, column: 1, path: '', message, severity: 'error' }] });
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
  const parsed = extname(file).toLowerCase() === '.md' ? parseMarkdownBank(file, text, deck) : parseYamlBank(file, text, deck);
  parsed.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return parsed;
}

/** Every bank file under the given files or folders, in a stable order. */
export function findBankFiles(paths: string[], cwd: string): { files: string[]; errors: Diagnostic[] } {
  const files: string[] = [];
  const errors: Diagnostic[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (BANK_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !/^readme\.md$/i.test(entry.name)) files.push(full);
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      errors.push({ file: p, line: 1, column: 1, path: '', message: 'no such file or folder', severity: 'error' });
      continue;
    }
    if (st.isDirectory()) walk(abs);
    else files.push(abs);
  }
  return { files: [...new Set(files)], errors };
}

/** Checks that span files: duplicate ids (naming both places) and dangling see_also. */
export function crossCheck(questions: Question[]): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const first = new Map<string, Question>();
  for (const q of questions) {
    const prev = first.get(q.id);
    if (prev) {
      errors.push({ file: q.file, line: q.line, column: 1, path: 'id', message: `duplicate id "${q.id}", first defined at ${prev.file}:${prev.line}`, severity: 'error' });
    } else first.set(q.id, q);
  }
  for (const q of questions)
    for (const ref of q.see_also)
      if (!first.has(ref)) warnings.push({ file: q.file, line: q.line, column: 1, path: 'see_also', message: `no loaded question has the id "${ref}"`, severity: 'warning' });
  return { errors, warnings };
}

/** Reads and validates every bank under `paths`. File names in diagnostics are relative to `cwd`. */
export function loadBanks(paths: string[], cwd: string): BankSet {
  const found = findBankFiles(paths, cwd);
  const questions: Question[] = [];
  const errors: Diagnostic[] = [...found.errors];
  const display = (f: string) => {
    const rel = relative(cwd, f);
    return rel && !rel.startsWith('..') ? rel : f;
  };
  for (const file of found.files) {
    const name = display(file);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      errors.push({ file: name, line: 1, column: 1, path: '', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, severity: 'error' });
      continue;
    }
    const parsed = parseBankFile(name, bytes);
    questions.push(...parsed.questions);
    errors.push(...parsed.diagnostics.filter((d) => d.severity === 'error'));
  }
  const cross = crossCheck(questions);
  errors.push(...cross.errors);
  return { questions, files: found.files.map(display), errors, warnings: cross.warnings };
}
