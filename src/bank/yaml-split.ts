import { parseYaml, type PathKey, type YamlSource } from './yaml-source.js';

/**
 * A large bank parsed one question at a time. One YAML document of 100,000 questions
 * keeps a syntax tree of every node alive at once, and the garbage collector spends as
 * long as the parser; parsed piece by piece, each tree is dropped as soon as it is read.
 * Only the plain layout qualifies (deck fields, then `questions:` with its items to the
 * end of the file); anything else, and any error at all, is parsed whole, so the
 * diagnostics are exactly those of a whole parse.
 */
export function parseYamlByQuestion(text: string): YamlSource | undefined {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^questions:\s*(#.*)?$/.test(l));
  if (at < 0) return undefined;
  let first = at + 1;
  while (first < lines.length && /^\s*(#.*)?$/.test(lines[first]!)) first++;
  const m = /^( *)-( |$)/.exec(lines[first] ?? '');
  if (!m) return undefined;
  const indent = m[1]!;
  const itemStart = new RegExp(`^${indent}-( |$)`);
  const starts: number[] = [];
  for (let i = first; i < lines.length; i++) {
    const l = lines[i]!;
    if (itemStart.test(l)) starts.push(i);
    else if (!/^\s*(#.*)?$/.test(l) && !l.startsWith(indent + ' ')) return undefined;
  }
  const head = parseYaml(`${lines.slice(0, at).join('\n')}\nquestions: []`);
  if (head.errors.length || head.value === null || typeof head.value !== 'object' || Array.isArray(head.value)) return undefined;
  const items: YamlSource[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]!;
    const to = starts[k + 1] ?? lines.length;
    const item = parseYaml(lines.slice(from, to).join('\n'), from);
    if (item.errors.length || !Array.isArray(item.value) || item.value.length !== 1) return undefined;
    items.push(item);
  }
  const inItem = (path: PathKey[]) => (path[0] === 'questions' && typeof path[1] === 'number' ? items[path[1]] : undefined);
  return {
    value: { ...(head.value as object), questions: items.map((i) => (i.value as unknown[])[0]) },
    errors: [],
    // The list itself starts where its first item does, as in a whole parse.
    locate: (path) =>
      inItem(path)?.locate([0, ...path.slice(2)]) ?? (path.length === 1 && path[0] === 'questions' && items[0] ? items[0].locate([]) : head.locate(path)),
    locateKey: (path, key) => inItem(path)?.locateKey([0, ...path.slice(2)], key) ?? head.locateKey(path, key),
  };
}
