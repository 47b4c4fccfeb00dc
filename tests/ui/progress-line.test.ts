import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/ui/progress-line.js';

function stream(isTTY: boolean) {
  let text = '';
  const s = Object.assign(new PassThrough(), { isTTY });
  s.on('data', (d) => (text += d));
  return { s, text: () => text };
}

describe('progressLine', () => {
  it('on a terminal: redraws one line when the percentage changes, and clears it at the end', async () => {
    const { s, text } = stream(true);
    const bar = progressLine(s, 'Fitting');
    bar.update(0, 200);
    bar.update(1, 200);
    bar.update(100, 200);
    bar.update(250, 200);
    bar.status('Rescheduling');
    bar.end();
    await new Promise((r) => setImmediate(r));
    expect(text()).toBe('\rFitting   0%\rFitting  50%\rFitting 100%\r\x1b[2KRescheduling\r\x1b[2K');
  });

  it('off a terminal (a pipe, a log): writes nothing at all', async () => {
    const { s, text } = stream(false);
    const bar = progressLine(s, 'Fitting');
    bar.update(5, 10);
    bar.status('Rescheduling');
    bar.end();
    await new Promise((r) => setImmediate(r));
    expect(text()).toBe('');
  });
});
