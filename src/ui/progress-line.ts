/**
 * A one-line progress indicator on stderr, drawn only on a terminal (a pipe or a log
 * file gets nothing), redrawn only when the shown percentage changes.
 */
export interface ProgressLine {
  update(done: number, total: number): void;
  /** The line replaced by a step that has no count (what is being done now). */
  status(text: string): void;
  /** Clears the line, leaving the terminal as it was. */
  end(): void;
}

export function progressLine(out: NodeJS.WritableStream & { isTTY?: boolean }, label: string): ProgressLine {
  if (!out.isTTY) return { update: () => {}, status: () => {}, end: () => {} };
  let shown = -1;
  return {
    update(done, total) {
      const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
      if (pct === shown) return;
      shown = pct;
      out.write(`\r${label} ${String(pct).padStart(3)}%`);
    },
    status(text) {
      shown = 101;
      out.write(`\r\x1b[2K${text}`);
    },
    end() {
      if (shown >= 0) out.write('\r\x1b[2K');
    },
  };
}
