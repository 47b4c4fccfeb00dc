import { describe, expect, it } from 'vitest';
import { colourLevel } from '../../src/format/colour-level.js';

describe('colourLevel, the one colour rule', () => {
  it.each([
    [{}, true, 1],
    [{}, false, 0],
    [{}, undefined, 0],
    [{ TERM: 'dumb' }, true, 0],
    [{ TERM: 'xterm-256color' }, true, 1],
    [{ NO_COLOR: '1' }, true, 0],
    [{ NO_COLOR: '' }, true, 1],
    [{ FORCE_COLOR: '0' }, true, 0],
    [{ FORCE_COLOR: 'false' }, true, 0],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, 1],
    [{ FORCE_COLOR: '3' }, false, 3],
    [{ FORCE_COLOR: '9' }, false, 3],
    [{ FORCE_COLOR: 'true' }, false, 1],
    [{ FORCE_COLOR: '1', TERM: 'dumb' }, false, 1],
    [{ FORCE_COLOR: '' }, false, 0],
  ] as const)('%j on a terminal: %s gives %i', (env, isTTY, level) => {
    expect(colourLevel(env, isTTY)).toBe(level);
  });
});
