import { createHash } from 'node:crypto';

const MAX_SLUG = 48;

/** Lowercase ASCII words joined by single hyphens, as ids and tags must be; '' when nothing is left. */
export function slugify(text: string, max = MAX_SLUG): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= max) return s;
  // Cut at a word boundary, so an id never ends in half a word.
  const cut = s.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at >= max / 2 ? cut.slice(0, at) : s.slice(0, max)).replace(/-+$/, '');
}

/** The id a prompt asks for: its slug, or a hash of it when it has no Latin letters or digits (a prompt in Greek or Chinese). */
export function promptSlug(prompt: string): string {
  const words = prompt.replace(/[*_`~[\]()$\\]/g, ' ');
  return slugify(words) || `q-${createHash('sha1').update(prompt).digest('hex').slice(0, 8)}`;
}

/**
 * Unique ids in input order: the second "what-is-x" becomes "what-is-x-2", and an id
 * already `taken` by another bank gets the next free suffix. The same input gives the
 * same ids.
 */
export function uniqueIds(bases: string[], taken: ReadonlySet<string> = new Set()): string[] {
  const used = new Set(taken);
  return bases.map((base) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}
