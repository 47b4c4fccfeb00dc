import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileBankCache } from '../../src/bank/cache.js';
import { outputFileText, readOutput } from '../../src/bank/cache-output.js';

const KEY = JSON.stringify({ what: ['list --json', {}], banks: [['a.md', 'f00d']] });
const tmp = () => mkdtempSync(join(tmpdir(), 'mlq-out-'));

/** A kept-output file holding `body` (text or bytes) under `key`. */
function kept(body: string | Buffer, key = KEY): string {
  const file = join(tmp(), 'x.out');
  writeFileSync(file, Buffer.concat([Buffer.from(`${key}\n`), Buffer.from(body)]));
  return file;
}

describe('a kept output', () => {
  it('is served byte for byte under its own key, text outside ASCII, tabs and line breaks included', () => {
    const body = '[\n  {\n\t"prompt": "6\u201312 months, caf\u00e9 \u2192 \u03bb, 90\u00b0,\u00a0\u00c2\u0100"\n  }\n]\n';
    expect(readOutput(kept(body), KEY)?.toString('utf8')).toBe(body);
    expect(readOutput(kept(''), KEY)?.length).toBe(0);
  });

  it('is not served under another key (a name collision), nor when its file is missing or cut short', () => {
    const file = kept('[]\n');
    expect(readOutput(file, KEY.replace('f00d', 'beef'))).toBeUndefined();
    expect(readOutput(join(tmp(), 'missing.out'), KEY)).toBeUndefined();
    expect(readOutput(kept('', KEY.slice(0, -1)), KEY)).toBeUndefined();
  });

  it.each([
    ['a raw ESC', Buffer.from('"\u001b[2J"\n')],
    ['a carriage return', Buffer.from('"a\rb"\n')],
    ['a bell', Buffer.from('"\u0007"\n')],
    ['a NUL', Buffer.from('"a\u0000"\n')],
    ['a unit separator', Buffer.from('"\u001f"\n')],
    ['a C1 control at the very end', Buffer.from('"a"\n\u0085')],
    ['a DEL', Buffer.from('"a\u007fb"\n')],
    ['a C1 CSI in UTF-8', Buffer.from('"a\u009b2J"\n')],
    ['bytes that are not UTF-8', Buffer.from([0x22, 0xff, 0xfe, 0x22, 0x0a])],
  ])('regression: one holding %s is never printed', (_name, body) => {
    expect(readOutput(kept(body), KEY)).toBeUndefined();
  });

  it('is kept by the cache on save, in its slot, and read back by the next run', async () => {
    const root = tmp();
    const keep = async (key: string, output: string) => {
      const cache = fileBankCache(root, 'v');
      cache.keepOutput('slot', key, output);
      await cache.save();
    };
    await keep(KEY, '[1]\n');
    expect(fileBankCache(root, 'v').output('slot', KEY)?.toString()).toBe('[1]\n');
    expect(fileBankCache(root, 'v').output('other slot', KEY)).toBeUndefined();
    expect(fileBankCache(root, 'w').output('slot', KEY)).toBeUndefined();
    // What a slot keeps under a new key replaces what it kept before.
    const next = KEY.replace('f00d', 'beef');
    await keep(next, '[2]\n');
    expect(fileBankCache(root, 'v').output('slot', KEY)).toBeUndefined();
    expect(fileBankCache(root, 'v').output('slot', next)?.toString()).toBe('[2]\n');
    expect(readdirSync(join(root, 'packs-v'))).toHaveLength(1);
  });

  it('has a key of one line, the line its file starts with', () => {
    expect(outputFileText(KEY, 'x')).toBe(`${KEY}\nx`);
    expect(() => outputFileText('a\nb', 'x')).toThrow(/one line/);
  });
});
