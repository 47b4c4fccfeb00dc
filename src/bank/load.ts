import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { MiB, NotReadable, readRegularFile } from '../fs/read-regular.js';
import type { ParsedBank } from './parse-yaml-bank.js';
import { diagnostic, fileError, type BankSet, type Diagnostic, type Question } from './types.js';

const BANK_EXTENSIONS = new Set(['.yaml', '.yml', '.md']);

/**
 * Parsed banks keyed by the file's content hash. Parsing is a pure function of the
 * bytes (and of the mlquiz version, which the cache file records), so a hit gives
 * exactly what parsing would, without loading the YAML and zod machinery at all.
 */
export interface BankCache {
  get(hash: string): ParsedBank | undefined;
  set(hash: string, parsed: ParsedBank): void;
  /** The fast path for one list of bank paths (see cache-pack.ts), when the cache has one. */
  pack?(paths: readonly string[]): PackView;
}

/** What a pack knows of the files under a list of bank paths. */
export interface PackView {
  /** The content hash of a file unchanged since its hash was recorded, known from its stat alone: the file is not read. */
  hashOf(file: string): string | undefined;
  /** Notes the hash a file has now. */
  record(file: string, hash: string): void;
  /** The hash noted for a file this run, if its stamp could vouch for it. */
  recorded(file: string): string | undefined;
  /** `names` in the order `sort` puts them, taken from the pack when it has sorted the same names before. */
  sorted(names: string[], sort: (names: string[]) => string[]): string[];
}

/** The order folder listings are read in; locale-aware, as people name files. */
const localeOrder = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));

/** The most a bank file may hold: far above any real bank, far below what exhausts memory. */
export const MAX_BANK_BYTES = 64 * MiB;

/**
 * Every bank file under the given files or folders, in a stable order. Symbolic links
 * are followed (a linked folder of banks is common), each real folder once, so a link
 * loop ends. Entries that are not regular files (FIFOs, devices, sockets) are reported,
 * never opened: opening a FIFO blocks.
 */
export function findBankFiles(paths: string[], cwd: string, pack?: PackView): { files: string[]; errors: Diagnostic[] } {
  const files: string[] = [];
  const errors: Diagnostic[] = [];
  const seenDirs = new Set<string>();
  const fault = (file: string, message: string) => errors.push(fileError(file, message));
  const walk = (dir: string, shown: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return fault(shown, 'cannot resolve this folder');
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries;
    try {
      const listed = new Map(readdirSync(dir, { withFileTypes: true }).map((e) => [e.name, e]));
      const names = [...listed.keys()];
      entries = (pack ? pack.sorted(names, localeOrder) : localeOrder(names)).map((n) => listed.get(n)!);
    } catch (e) {
      return fault(shown, `cannot list this folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      const isBank = BANK_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !/^readme\.md$/i.test(entry.name);
      let st;
      try {
        st = entry.isSymbolicLink() ? statSync(full) : entry;
      } catch {
        if (isBank) fault(full, 'a broken symbolic link');
        continue;
      }
      if (st.isDirectory()) walk(full, full);
      else if (isBank) {
        if (st.isFile()) files.push(full);
        else fault(full, 'not a regular file (a FIFO, device or socket); mlquiz does not open it');
      }
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      fault(p, 'no such file or folder');
      continue;
    }
    if (st.isDirectory()) walk(abs, p);
    else if (st.isFile()) files.push(abs);
    else fault(p, 'not a regular file (a FIFO, device or socket); mlquiz does not open it');
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
      errors.push(diagnostic(q.file, { line: q.line, column: 1 }, 'id', `duplicate id "${q.id}", first defined at ${prev.file}:${prev.line}`));
    } else first.set(q.id, q);
  }
  for (const q of questions)
    for (const ref of q.see_also)
      if (!first.has(ref)) warnings.push(diagnostic(q.file, { line: q.line, column: 1 }, 'see_also', `no loaded question has the id "${ref}"`, 'warning'));
  return { errors, warnings };
}

/** The same parse result under another display name (the cache is shared across working folders). */
function renamed(parsed: ParsedBank, name: string): ParsedBank {
  return {
    questions: parsed.questions.map((q) => (q.file === name ? q : { ...q, file: name })),
    diagnostics: parsed.diagnostics.map((d) => (d.file === name ? d : { ...d, file: name })),
  };
}

/** A file as questions and diagnostics name it: relative to `cwd` when it is under it. */
function displayName(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/**
 * What the banks under `paths` hold, as each file's display name and content hash in the
 * order they load, when the cache's pack vouches for every file from its stat alone.
 * Undefined when any file would have to be read or any path is at fault. No bank is read
 * or parsed; a load gives the same for what it read (BankSet.content).
 */
export function knownContent(paths: string[], cwd: string, cache: BankCache): [string, string][] | undefined {
  const pack = cache.pack?.(paths.map((p) => resolve(cwd, p)));
  if (!pack) return undefined;
  const found = findBankFiles(paths, cwd, pack);
  if (found.errors.length) return undefined;
  const known: [string, string][] = [];
  for (const file of found.files) {
    const hash = pack.hashOf(file);
    if (hash === undefined) return undefined;
    known.push([displayName(cwd, file), hash]);
  }
  return known;
}

/** Reads and validates every bank under `paths`. File names in diagnostics are relative to `cwd`. */
export async function loadBanks(paths: string[], cwd: string, cache?: BankCache): Promise<BankSet> {
  const pack = cache?.pack?.(paths.map((p) => resolve(cwd, p)));
  const found = findBankFiles(paths, cwd, pack);
  const questions: Question[] = [];
  const display = (f: string) => displayName(cwd, f);
  const errors: Diagnostic[] = found.errors.map((d) => ({ ...d, file: display(resolve(cwd, d.file)) }));
  const warnings: Diagnostic[] = [];
  let parser: typeof import('./parse-file.js') | undefined;
  // Loaded only when a file has to be hashed: a warm start knows every hash from the pack.
  let createHash: typeof import('node:crypto').createHash | undefined;
  let content: [string, string][] | undefined = pack && found.errors.length === 0 ? [] : undefined;
  for (const file of found.files) {
    const name = display(file);
    const known = pack?.hashOf(file);
    let parsed = known === undefined ? undefined : cache?.get(known);
    if (parsed) pack!.record(file, known!);
    else {
      let bytes: Uint8Array;
      try {
        bytes = readRegularFile(file, MAX_BANK_BYTES);
      } catch (e) {
        const why = e instanceof NotReadable ? e.message : `cannot read (${(e as Error).message})`;
        errors.push(fileError(name, why));
        content = undefined;
        continue;
      }
      createHash ??= (await import('node:crypto')).createHash;
      const hash = createHash('sha1').update(extname(file).toLowerCase()).update(bytes).digest('hex');
      parsed = cache?.get(hash);
      if (!parsed) {
        parser ??= await import('./parse-file.js');
        parsed = parser.parseBankFile(name, bytes);
        cache?.set(hash, parsed);
      }
      pack?.record(file, hash);
    }
    const vouched = pack?.recorded(file);
    if (vouched === undefined) content = undefined;
    else content?.push([name, vouched]);
    parsed = renamed(parsed, name);
    questions.push(...parsed.questions);
    for (const d of parsed.diagnostics) (d.severity === 'error' ? errors : warnings).push(d);
  }
  const cross = crossCheck(questions);
  errors.push(...cross.errors);
  warnings.push(...cross.warnings);
  return { questions, files: found.files.map(display), errors, warnings, ...(content && { content }) };
}
