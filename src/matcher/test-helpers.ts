// Shared by tests that damage stored matcher tables on purpose (src/glossary, src/page).
import type { MatcherTables } from './matcher';

/** Where the record of `form` starts in `tables.forms` (its length unit, two tag units, then the form past its bucket's key). */
export function recordOf({ forms, keys, ends, byPair }: MatcherTables, form: string): number {
  const width = byPair ? 2 : 1;
  const b = ends.findIndex((_, bucket) => keys.slice(bucket * width, (bucket + 1) * width) === form.slice(0, width));
  for (let at = ends[b - 1] ?? 0; b >= 0 && at < ends[b]!; at += 3 + forms.charCodeAt(at) - 0x40 - width) {
    if (forms.charCodeAt(at) - 0x40 === form.length && forms.startsWith(form.slice(width), at + 3)) return at;
  }
  throw new Error(`no record of ${form}`);
}
