import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './tmux.js';

describe('output into a pipe', () => {
  it('regression: `mlquiz list | head -1` printed an EPIPE stack trace', () => {
    const home = mkdtempSync(join(tmpdir(), 'mlq-pipe-'));
    const r = spawnSync('sh', ['-c', `node '${BIN}' list | head -1`], { env: { ...process.env, MLQUIZ_HOME: home }, encoding: 'utf8' });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});
