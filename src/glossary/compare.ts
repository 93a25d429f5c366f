// Comparing entries by content, not by how their keys happen to be ordered: used to tell an import's
// unchanged rows from changed ones, whether an edit changed anything, and whether an entry still
// equals the shipped one. Pure: no DOM, no browser APIs.
import type { Entry } from './schema';

/** JSON with keys sorted and absent fields absent: equal entries give equal strings. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sameEntry(a: Entry, b: Entry): boolean {
  return canonical(a) === canonical(b);
}

/** Top-level fields whose values differ. */
export function changedFields(before: Entry, after: Entry): Array<keyof Entry> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Entry>;
  return [...keys].filter((k) => canonical(before[k]) !== canonical(after[k]));
}
