import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Terminal } from './tmux.js';

// One colour decision for the process (src/format/colour-level.ts): the views drawn with
// chalk's own instance (tags) and those drawn with colours(ctx) (report) must agree.
const SGR = /\u001b\[[0-9;]*m/;

describe('colour in a real terminal', () => {
  let terms: Terminal[] = [];
  afterEach(() => {
    for (const t of terms) t.kill();
    terms = [];
  });

  async function screens(env: Record<string, string>) {
    const home = mkdtempSync(join(tmpdir(), 'mlq-colour-'));
    const out: string[] = [];
    for (const args of [['tags'], ['report']]) {
      const t = new Terminal(args, { MLQUIZ_HOME: home, NO_COLOR: '', ...env });
      terms.push(t);
      expect(await t.exitCode(20_000)).toBe(0);
      out.push(t.screen(true));
    }
    return out;
  }

  it('colours both tags and report on a colour terminal', async () => {
    const [tags, report] = await screens({ TERM: 'xterm-256color' });
    expect(SGR.test(tags!)).toBe(true);
    expect(SGR.test(report!)).toBe(true);
  });

  it('regression: TERM=dumb leaves both plain (the report used to colour where the prompts did not)', async () => {
    const [tags, report] = await screens({ TERM: 'dumb' });
    expect(tags).toContain('regularization');
    expect(report).toContain('mlquiz report');
    expect(SGR.test(tags!)).toBe(false);
    expect(SGR.test(report!)).toBe(false);
  });

  it('NO_COLOR leaves both plain', async () => {
    const [tags, report] = await screens({ TERM: 'xterm-256color', NO_COLOR: '1' });
    expect(SGR.test(tags!)).toBe(false);
    expect(SGR.test(report!)).toBe(false);
  });
});
