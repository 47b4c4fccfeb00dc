import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import type { ParsedBank } from './parse-yaml-bank.js';
import type { BankSet, Diagnostic, Question } from './types.js';

const BANK_EXTENSIONS = new Set(['.yaml', '.yml', '.md']);

/**
 * Parsed banks keyed by the file's content hash. Parsing is a pure function of the
 * bytes (and of the mlquiz version, which the cache file records), so a hit gives
 * exactly what parsing would, without loading the YAML and zod machinery at all.
 */
export interface BankCache {
  get(hash: string): ParsedBank | undefined;
  set(hash: string, parsed: ParsedBank): void;
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

/** The same parse result under another display name (the cache is shared across working folders). */
function renamed(parsed: ParsedBank, name: string): ParsedBank {
  return {
    questions: parsed.questions.map((q) => (q.file === name ? q : { ...q, file: name })),
    diagnostics: parsed.diagnostics.map((d) => (d.file === name ? d : { ...d, file: name })),
  };
}

/** Reads and validates every bank under `paths`. File names in diagnostics are relative to `cwd`. */
export async function loadBanks(paths: string[], cwd: string, cache?: BankCache): Promise<BankSet> {
  const found = findBankFiles(paths, cwd);
  const questions: Question[] = [];
  const errors: Diagnostic[] = [...found.errors];
  const display = (f: string) => {
    const rel = relative(cwd, f);
    return rel && !rel.startsWith('..') ? rel : f;
  };
  let parser: typeof import('./parse-file.js') | undefined;
  for (const file of found.files) {
    const name = display(file);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      errors.push({ file: name, line: 1, column: 1, path: '', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, severity: 'error' });
      continue;
    }
    const hash = createHash('sha1').update(extname(file).toLowerCase()).update(bytes).digest('hex');
    let parsed = cache?.get(hash);
    if (!parsed) {
      parser ??= await import('./parse-file.js');
      parsed = parser.parseBankFile(name, bytes);
      cache?.set(hash, parsed);
    }
    parsed = renamed(parsed, name);
    questions.push(...parsed.questions);
    errors.push(...parsed.diagnostics.filter((d) => d.severity === 'error'));
  }
  const cross = crossCheck(questions);
  errors.push(...cross.errors);
  return { questions, files: found.files.map(display), errors, warnings: cross.warnings };
}
