import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadBanks } from '../../src/bank/load.js';
import { toBankFiles } from '../../src/import/bank-out.js';
import type { ImportResult } from '../../src/import/types.js';

export const FIXTURES = resolve(import.meta.dirname, 'fixtures');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** The bank files an import makes, written to a temporary folder and read back through the real loader. */
export async function loadImported(result: ImportResult, source = 'notes.md') {
  const files = toBankFiles(result, { source });
  const dir = mkdtempSync(join(tmpdir(), 'mlq-import-'));
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  const set = await loadBanks([dir], dir);
  return { files, set, dir };
}
