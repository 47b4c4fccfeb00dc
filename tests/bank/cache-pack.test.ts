import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileBankCache } from '../../src/bank/cache.js';
import { asciiJsonFreeOfControls, isParsedBank } from '../../src/bank/cache-check.js';
import { hasControl } from '../../src/bank/control-chars.js';
import { asciiJson } from '../../src/fs/ascii-json.js';
import { fileStamp } from '../../src/bank/cache-pack.js';
import { loadBanks } from '../../src/bank/load.js';
import { fixtureDir, QUESTION } from './helpers.js';

// The pack trusts a stamp only for files older than a couple of seconds; a clock an hour
// ahead makes the fixtures old enough without waiting.
const later = () => Date.now() + 3_600_000;

/** Loads `dir` through a fresh cache over `cacheRoot` and saves it, as one run of the CLI does. */
async function run(dir: string, cacheRoot: string, now = later) {
  const cache = fileBankCache(cacheRoot, 'v', now);
  const set = await loadBanks([dir], dir, cache);
  await cache.save();
  return set;
}

const packFile = (cacheRoot: string) => {
  const d = join(cacheRoot, 'packs-v');
  const files = readdirSync(d);
  expect(files).toHaveLength(1);
  return join(d, files[0]!);
};

/** A pack as one object: its text is the stamps and listings on one line, the parses on the next. */
const readPack = (file: string) => {
  const [head, banks] = readFileSync(file, 'utf8').split('\n');
  return { ...JSON.parse(head!), banks: JSON.parse(banks!) };
};
const packText = ({ banks, ...head }: Record<string, unknown>) => `${JSON.stringify(head)}\n${JSON.stringify(banks ?? null)}`;

const second = QUESTION.replace('evil-q', 'other-q').replace('an L2 penalty', 'an L1 penalty');

describe('the bank pack', () => {
  it('serves a warm load from the pack alone: what it holds is what the load returns', async () => {
    const dir = fixtureDir({ 'b.md': QUESTION, 'a.md': second });
    const cacheRoot = join(dir, '.cache');
    const cold = await run(dir, cacheRoot);
    const file = packFile(cacheRoot);
    const pack = readPack(file);
    expect(Object.keys(pack.files).sort()).toEqual([join(dir, 'a.md'), join(dir, 'b.md')]);
    // An edit to the pack shows in the next load: it was read instead of the banks.
    for (const b of Object.values(pack.banks) as { questions: { prompt: string }[] }[]) b.questions[0]!.prompt += ' (from the pack)';
    writeFileSync(file, packText(pack));
    const warm = await run(dir, cacheRoot);
    expect(warm.files).toEqual(cold.files);
    expect(warm.questions.map((q) => q.prompt)).toEqual(cold.questions.map((q) => `${q.prompt} (from the pack)`));
  });

  it('regression: a bank rewritten with its size and modification time put back is read again (the change time moved)', async () => {
    const dir = fixtureDir({ 'b.md': QUESTION });
    const cacheRoot = join(dir, '.cache');
    // Whole seconds, which every file system stores exactly.
    const old = new Date('2026-01-01T00:00:00Z');
    utimesSync(join(dir, 'b.md'), old, old);
    await run(dir, cacheRoot);
    const before = statSync(join(dir, 'b.md'));
    writeFileSync(join(dir, 'b.md'), QUESTION.replace('lowers variance.', 'lowers VARIANCE.'));
    utimesSync(join(dir, 'b.md'), old, old);
    const after = statSync(join(dir, 'b.md'));
    expect([after.size, after.ino, after.mtimeMs]).toEqual([before.size, before.ino, before.mtimeMs]);
    const set = await run(dir, cacheRoot);
    expect(set.questions[0]!.answer).toContain('lowers VARIANCE.');
  });

  it('does not vouch for a file changed within the last two seconds, which a coarse clock could leave with its old stamp', () => {
    const dir = fixtureDir({ 'b.md': QUESTION });
    expect(fileStamp(join(dir, 'b.md'), Date.now())).toBeUndefined();
    expect(fileStamp(join(dir, 'b.md'), later())).toMatch(/^\d+:/);
    expect(fileStamp(dir, later())).toBeUndefined();
  });

  it.each([
    ['a parse of the wrong shape', (p: any) => Object.values(p.banks).forEach((b: any) => (b.questions[0].prompt = 'hi \u001b[2J'))],
    ['a stamp of the wrong shape', (p: any) => Object.keys(p.files).forEach((f) => (p.files[f] = 'x'))],
    ['not an object', (p: any) => Object.keys(p).forEach((k) => delete p[k])],
  ])('regression: a pack with %s is ignored and the banks read afresh', async (_name, spoil) => {
    const dir = fixtureDir({ 'b.md': QUESTION });
    const cacheRoot = join(dir, '.cache');
    const cold = await run(dir, cacheRoot);
    const file = packFile(cacheRoot);
    const pack = readPack(file);
    spoil(pack);
    writeFileSync(file, packText(pack));
    expect((await run(dir, cacheRoot)).questions).toEqual(cold.questions);
  });

  it('keeps the locale order of a folder listing that it reuses', async () => {
    // Code-point order would put B before a.
    const dir = fixtureDir({ 'B.md': QUESTION, 'a.md': second });
    const cacheRoot = join(dir, '.cache');
    const cold = await run(dir, cacheRoot);
    expect(cold.files).toEqual(['B.md', 'a.md'].sort((a, b) => a.localeCompare(b)));
    expect(cold.files).toEqual(['a.md', 'B.md']);
    expect((await run(dir, cacheRoot)).files).toEqual(cold.files);
  });

  it('writes no pack while every file is too new to vouch for', async () => {
    const dir = fixtureDir({ 'b.md': QUESTION });
    const cacheRoot = join(dir, '.cache');
    await run(dir, cacheRoot, Date.now);
    expect(() => readdirSync(join(cacheRoot, 'packs-v'))).toThrow();
  });
});

describe('the pack read with one scan for control characters', () => {
  it.each([
    ['an escaped ESC', '\\u001b[2J', 'prompt'],
    ['an escaped carriage return', 'a\\rb', 'answer'],
    ['a raw DEL', 'a\u007fb', 'deck'],
    ['an escaped C1 control', 'a\\u009Bb', 'key_points'],
  ])('regression: a pack whose question holds %s is not served; the bank is parsed afresh', async (_name, raw, field) => {
    const dir = fixtureDir({ 'b.md': QUESTION });
    const cacheRoot = join(dir, '.cache');
    const cold = await run(dir, cacheRoot);
    const file = packFile(cacheRoot);
    const pack = readPack(file);
    const q = (Object.values(pack.banks) as { questions: Record<string, unknown>[] }[])[0]!.questions[0]!;
    q[field] = field === 'key_points' ? ['MARK'] : 'MARK';
    // Written as text, so that the escape is exactly as given.
    writeFileSync(file, packText(pack).replace('"MARK"', `"${raw}"`));
    const set = await run(dir, cacheRoot);
    expect(set.questions).toEqual(cold.questions);
  });

  it('serves a pack whose text has a backslash before what would otherwise be a control escape', async () => {
    const dir = fixtureDir({ 'b.md': QUESTION });
    const cacheRoot = join(dir, '.cache');
    await run(dir, cacheRoot);
    const file = packFile(cacheRoot);
    const pack = readPack(file);
    (Object.values(pack.banks) as { questions: { prompt: string }[] }[])[0]!.questions[0]!.prompt = 'MARK';
    writeFileSync(file, packText(pack).replace('"MARK"', String.raw`"\\u001b \\b \\\\r"`));
    const set = await run(dir, cacheRoot);
    expect(set.questions[0]!.prompt).toBe(String.raw`\u001b \b \\r`);
  });
});

describe('asciiJsonFreeOfControls', () => {
  it.each([
    [String.raw`"\u001b"`, false],
    [String.raw`"\u001B"`, false],
    [String.raw`"\\u001b"`, true],
    [String.raw`"\\\u001b"`, false],
    [String.raw`"\b"`, false],
    [String.raw`"\\b"`, true],
    [String.raw`"\f\r"`, false],
    [String.raw`"\n\t\u0009\u000A\u000a"`, true],
    [String.raw`"\u007F"`, false],
    [String.raw`"\u0080"`, false],
    [String.raw`"\u009f"`, false],
    [String.raw`"\u00a0\u00e9\u2014"`, true],
    ['"a\u007fb"', false],
  ])('%s: %s', (json, free) => {
    expect(asciiJsonFreeOfControls(json)).toBe(free);
  });

  it('agrees with a test of every string, over seeded random strings of backslashes, escapes and controls', () => {
    const alphabet = [
      '\\',
      'u',
      '0',
      '1',
      '7',
      '9',
      'b',
      'f',
      'r',
      'n',
      't',
      'a',
      '"',
      '\u001b',
      '\u0007',
      '\n',
      '\t',
      '\r',
      '\u007f',
      '\u0085',
      '\u009b',
      'é',
      '—',
    ];
    let seed = 42;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect([s, asciiJsonFreeOfControls(asciiJson({ s }))]).toEqual([s, !hasControl(s)]);
    }
  });
});

describe('the shape check of a cached parse', () => {
  const q = {
    id: 'a-b',
    deck: 'd',
    prompt: 'p',
    answer: 'a',
    key_points: ['k'],
    tags: ['t'],
    difficulty: 'easy',
    type: 'open',
    follow_ups: [],
    see_also: [],
    file: 'f.md',
    line: 1,
  };
  it.each([
    ['the twelve fields', q, true],
    ['an optional field set to undefined', { ...q, source: undefined }, true],
    ['an optional field of the wrong type', { ...q, source: 3 }, false],
    ['an unknown field', { ...q, sauce: 'x' }, false],
    ['an unknown field in place of a missing one', { ...q, line: undefined, sauce: 'x' }, false],
    ['an own __proto__ field', { ...q, ['__proto__']: null } as unknown, false],
  ])('%s: %s', (_name, question, ok) => {
    const parsed = { questions: [question], diagnostics: [] };
    expect(isParsedBank(parsed)).toBe(ok);
    expect(isParsedBank(parsed, true)).toBe(ok);
  });
});
