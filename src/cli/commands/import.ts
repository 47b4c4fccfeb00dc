import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import { stripControl } from '../../bank/control-chars.js';
import { MiB, NotReadable, readRegularFile } from '../../fs/read-regular.js';
import { toBankFiles } from '../../import/bank-out.js';
import { summarise, summaryLines } from '../../import/summary.js';
import type { ImportResult } from '../../import/types.js';
import { shellQuote } from '../../format/shell.js';
import { writeFileAtomicSync } from '../../progress/atomic-write.js';
import { loadCached } from '../banks.js';
import { bankPaths, writeJson, type Context } from '../context.js';

interface ImportOptions {
  out: string;
  force?: boolean;
  source?: string;
  licence?: string;
  /** The American spelling, accepted as the same option. */
  license?: string;
  prefix?: string;
  json?: boolean;
  bank?: string[];
}

const MAX_INPUT_BYTES = 64 * MiB;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function text(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) throw new InputError(`${file}: a binary file, not text notes`);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError(`${file}: not valid UTF-8 text`);
  }
}

/**
 * Readers by file extension: the file's bytes (read on asking, capped for text notes) in,
 * drafts out. A new input format is one more entry.
 */
type Reader = (bytes: () => Uint8Array, file: string, path: string) => ImportResult | Promise<ImportResult>;
const anki: Reader = async (_b, _f, path) => {
  const [{ readAnkiNotes }, { ankiNotesToBank }] = await Promise.all([import('../../anki/read.js'), import('../../import/anki.js')]);
  return ankiNotesToBank(await readAnkiNotes(path));
};
export const READERS: Record<string, Reader> = {
  '.md': async (b, f) => (await import('../../import/markdown.js')).importMarkdown(text(b(), f), basename(f, extname(f))),
  '.markdown': (b, f, p) => READERS['.md']!(b, f, p),
  '.csv': async (b, f) => (await import('../../import/delimited.js')).importDelimited(text(b(), f), f, ','),
  '.tsv': async (b, f) => (await import('../../import/delimited.js')).importDelimited(text(b(), f), f, '\t'),
  // Anki's packages: the notes of a deck or of a whole collection (only Basic-style notes become questions).
  '.apkg': anki,
  '.colpkg': anki,
};

/** Ids in use by the configured banks, except those in the output folder (a re-import replaces them). */
async function takenIds(ctx: Context, out: string, banks: string[] = []): Promise<Set<string>> {
  const set = await loadCached(ctx, bankPaths(ctx, banks));
  const inOut = (f: string) => !relative(out, resolve(ctx.cwd, f)).startsWith('..');
  return new Set(set.questions.filter((q) => !inOut(q.file)).map((q) => q.id));
}

/** `mlquiz import FILE --out DIR`: notes to a bank of self-rated questions; nothing is overwritten without --force. */
export default async function importNotes(opts: ImportOptions, args: string[], ctx: Context): Promise<number> {
  const [file] = args;
  if (!file) throw new UsageError('name the notes to import, e.g. mlquiz import notes.md --out my-bank');
  const read = READERS[extname(file).toLowerCase()];
  if (!read) throw new UsageError(`${file}: cannot import this kind of file; mlquiz imports ${Object.keys(READERS).join(', ')}`);
  const path = resolve(ctx.cwd, file);
  const bytes = () => {
    try {
      return readRegularFile(path, MAX_INPUT_BYTES);
    } catch (e) {
      throw new InputError(`${file}: ${e instanceof NotReadable ? e.message : (e as Error).message}`);
    }
  };
  const result = await read(bytes, file, path);
  const licence = opts.licence ?? opts.license;
  const out = resolve(ctx.cwd, opts.out);
  const source = opts.source ?? basename(file);
  const files = toBankFiles(result, { source, licence, prefix: opts.prefix, taken: await takenIds(ctx, out, opts.bank) });
  if (files.length === 0) {
    const why = result.skipped.map((k) => stripControl(`${file}:${k.line}: ${k.reason}`));
    throw new InputError(`${file}: no questions to import (questions are headings or bold lines with an answer under them); nothing written`, why);
  }
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${opts.out} is a file: name a folder (it is made if missing)`);
  const clash = files.map((f) => join(out, f.name)).filter((p) => existsSync(p));
  if (clash.length && !opts.force)
    throw new UsageError(
      `${clash.map((p) => relative(ctx.cwd, p)).join(', ')} already exist${clash.length === 1 ? 's' : ''}: pass --force to overwrite; nothing written`,
    );
  mkdirSync(out, { recursive: true });
  for (const f of files) writeFileAtomicSync(join(out, f.name), f.text);
  const shown = (name: string) => relative(ctx.cwd, join(out, name)) || name;
  const summary = summarise(file, result, files, shown, source, licence);
  if (opts.json) writeJson(ctx, summary);
  else {
    const dir = relative(ctx.cwd, out) || '.';
    for (const line of summaryLines(summary, `mlquiz validate ${shellQuote(dir.split(sep).join('/'))}`)) ctx.stdout.write(stripControl(line) + '\n');
  }
  return 0;
}
