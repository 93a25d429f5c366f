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

/**
 * Equal as `canonical` tells (key order ignored, undefined values as absent), without writing
 * either out: an import compares every row with the entry it would replace, 50,000 of them at most.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  return keys.length === Object.keys(y).filter((k) => y[k] !== undefined).length && keys.every((k) => sameJson(x[k], y[k]));
}

export function sameEntry(a: Entry, b: Entry): boolean {
  return sameJson(a, b);
}

/** Top-level fields whose values differ. */
export function changedFields(before: Entry, after: Entry): Array<keyof Entry> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Entry>;
  return [...keys].filter((k) => canonical(before[k]) !== canonical(after[k]));
}
