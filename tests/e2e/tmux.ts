import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = resolve(import.meta.dirname, '../../bin/mlquiz.cjs');

/**
 * Drives the built CLI in a real pseudo-terminal: keys go in through send-keys and the
 * screen comes back through capture-pane, exactly as a person would see it.
 */
export class Terminal {
  readonly name = `mlq-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly exitFile: string;

  /** Each terminal has its own tmux server, so tests never race over a shared one shutting down. */
  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.name, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  constructor(args: string[], env: Record<string, string>, size = { cols: 100, rows: 50 }) {
    const dir = mkdtempSync(join(tmpdir(), 'mlq-term-'));
    this.exitFile = join(dir, 'exit');
    const envs = Object.entries({ NO_COLOR: '1', ...env })
      .map(([k, v]) => `${k}=${shellQuote(v)}`)
      .join(' ');
    const cmd = `env ${envs} node ${shellQuote(BIN)} ${args.map(shellQuote).join(' ')}; echo $? > ${shellQuote(this.exitFile)}; sleep 600`;
    this.tmux('new-session', '-d', '-s', this.name, '-x', String(size.cols), '-y', String(size.rows), cmd);
  }

  /** The screen as text; with `escapes`, with the colour and style sequences tmux keeps for each cell. */
  screen(escapes = false): string {
    return this.tmux('capture-pane', '-p', '-J', ...(escapes ? ['-e'] : []), '-S', '-2000', '-t', this.name);
  }

  /** Keys as tmux names them: 'Enter', 'Down', 'Space', 'C-c', or literal text. */
  send(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  /** Waits until the screen matches (polling), or fails with the screen in the message. */
  async waitFor(pattern: RegExp | string, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen();
      if (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s)) return s;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The CLI's exit code once it has ended. */
  async exitCode(timeoutMs = 10_000): Promise<number> {
    const { readFileSync, existsSync } = await import('node:fs');
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(this.exitFile) || !readFileSync(this.exitFile, 'utf8').trim()) {
      if (Date.now() > deadline) throw new Error(`the CLI did not exit; screen:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return Number(readFileSync(this.exitFile, 'utf8').trim());
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
