import type { PathKey } from './yaml-source.js';

/**
 * C0 and C1 control characters, DEL included, but not tab and newline. Bank text is
 * printed to terminals; an ESC or CSI in it could clear the screen, retitle the window,
 * plant an OSC 8 link or write the clipboard (OSC 52). Carriage returns are gone by the
 * time text gets here (line ends are normalised first).
 */
export const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Whether `text` holds a control character but tab and newline. */
export const hasControl = (text: string): boolean => HAS_CONTROL.test(text);

export function stripControl(text: string): string {
  return hasControl(text) ? text.replace(CONTROL, '') : text;
}

function describe(text: string): string {
  const codes = [...new Set(text.match(CONTROL) ?? [])].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return codes.join(', ');
}

export interface ControlFinding {
  path: PathKey[];
  /** The code points removed, e.g. "U+001B, U+0007". */
  codes: string;
}

/** Pure: a copy of a parsed YAML value with control characters removed from every string, and where they were. */
export function stripControlDeep(value: unknown, path: PathKey[] = [], found: ControlFinding[] = []): { value: unknown; found: ControlFinding[] } {
  const walk = (v: unknown, p: PathKey[]): unknown => {
    if (typeof v === 'string') {
      if (!HAS_CONTROL.test(v)) return v;
      found.push({ path: p, codes: describe(v) });
      return v.replace(CONTROL, '');
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...p, i]));
    if (v !== null && typeof v === 'object') {
      // Keys are left as they are: an unknown key is an error whose message is cleaned when printed.
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v))
        Object.defineProperty(out, k, { value: walk(x, [...p, k]), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  };
  return { value: walk(value, path), found };
}
