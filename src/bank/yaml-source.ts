import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export type PathKey = string | number;
export interface Position {
  line: number;
  column: number;
}

/**
 * A YAML text parsed with source positions, so that schema errors can point to the
 * line of the offending field rather than to the file.
 */
export interface YamlSource {
  value: unknown;
  errors: { line: number; column: number; message: string }[];
  locate(path: PathKey[]): Position;
  /** Position of a mapping key, for unknown-key errors. */
  locateKey(path: PathKey[], key: string): Position;
}

/** Alias expansion is bounded so that an alias bomb fails fast instead of exhausting memory. */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  const errors = doc.errors.map((e) => ({ ...pos(e.pos[0]), message: firstLine(e.message) }));
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      if (err instanceof RangeError) errors.push({ line: 1 + lineOffset, column: 1, message: 'nested too deeply' });
      else errors.push({ line: 1 + lineOffset, column: 1, message: `cannot expand YAML: ${firstLine((err as Error).message)}` });
    }
  }
  const nodeAt = (path: PathKey[]): Node | undefined => {
    // Walk down as far as the path exists; a missing field is reported at its parent.
    let node: unknown = doc.contents;
    let found: Node | undefined = isNode(node) ? node : undefined;
    for (const key of path) {
      const next =
        isMap(node) || isSeq(node) ? (node as Document.Parsed['contents'] & { get: (key: PathKey, keepScalar: boolean) => unknown }).get(key, true) : undefined;
      if (!isNode(next)) break;
      node = next;
      found = next;
    }
    return found;
  };
  const at = (node: Node | undefined): Position => (node?.range ? pos(node.range[0]) : { line: 1 + lineOffset, column: 1 });
  return {
    value,
    errors,
    locate: (path) => at(nodeAt(path)),
    locateKey(path, key) {
      const parent = nodeAt(path);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
        if (pair && isNode(pair.key)) return at(pair.key);
      }
      return at(parent);
    },
  };
}

function firstLine(message: string): string {
  if (/maximum call stack/i.test(message)) return 'nested too deeply';
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
