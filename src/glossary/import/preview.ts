// What an import would do to the current glossary (added, changed with the fields that differ,
// unchanged, refused, and the current entries the file lacks), shown to the user before anything
// is stored; whether the glossary after it would pass the entry limit; and the glossary after it,
// merged or replaced. Pure: no DOM, no browser APIs.
import { changedFields, sameEntry } from '../compare';
import { idFromPinyin } from '../entry-id';
import { MAX_GLOSSARY_ENTRIES, type Entry } from '../schema';
import type { InvalidRow, ParsedImport } from './result';

interface PreviewRow {
  line: number;
  entry: Entry;
}
export interface ImportPreview {
  added: PreviewRow[];
  changed: Array<PreviewRow & { before: Entry; fields: Array<keyof Entry> }>;
  unchanged: PreviewRow[];
  invalid: InvalidRow[];
  /** Entries of the current glossary the file does not hold: kept by merge, dropped by replace. */
  missing: Entry[];
}

/** How many rows previewSteps compares between two steps. */
const ROWS_PER_STEP = 100;

/** What importing would do to `current`. Rows without an id are matched by term. */
export function previewImport(current: readonly Entry[], parsed: ParsedImport): ImportPreview {
  const steps = previewSteps(current, parsed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * previewImport in steps, for a caller that lets the page breathe between them (comparing 50,000
 * rows takes seconds): yields the number of rows compared so far, returns the preview.
 */
export function* previewSteps(current: readonly Entry[], parsed: ParsedImport): Generator<number, ImportPreview, void> {
  const byId = new Map(current.map((e) => [e.id, e]));
  const byTerm = new Map(current.map((e) => [e.term, e]));
  const taken = new Set([...byId.keys(), ...parsed.rows.filter((r) => !r.idGenerated).map((r) => r.entry.id)]);
  const preview: ImportPreview = { added: [], changed: [], unchanged: [], invalid: parsed.invalid, missing: [] };
  const touched = new Set<string>();
  for (const [i, row] of parsed.rows.entries()) {
    if (i > 0 && i % ROWS_PER_STEP === 0) yield i;
    let entry = row.entry;
    if (row.idGenerated) {
      const sameTerm = byTerm.get(entry.term);
      const id = sameTerm && !touched.has(sameTerm.id) ? sameTerm.id : idFromPinyin(entry.pinyin, taken);
      entry = { ...entry, id };
      taken.add(id);
    }
    touched.add(entry.id);
    const before = byId.get(entry.id);
    // A file that says nothing of salience does not reset what the user or the shipped glossary set.
    if (before && row.salienceDefaulted) entry = { ...entry, salience: before.salience };
    if (!before) preview.added.push({ line: row.line, entry });
    else if (sameEntry(before, entry)) preview.unchanged.push({ line: row.line, entry });
    else preview.changed.push({ line: row.line, entry, before, fields: changedFields(before, entry) });
  }
  preview.missing = current.filter((e) => !touched.has(e.id));
  return preview;
}

export type ImportMode = 'merge' | 'replace';

/** An import refused because the glossary after it would hold more entries than it may. */
export interface OverLimit {
  mode: ImportMode;
  /** Entries in the glossary now. */
  now: number;
  /** Entries the file adds (merge: its new ones) or brings (replace: all its valid ones). */
  adds: number;
  /** Entries the glossary would hold after the import. */
  after: number;
  limit: number;
}

/**
 * Whether importing would take a glossary of `now` entries past the entry limit: checked before
 * anything is stored (the preview, then again inside the write, on the glossary as stored then).
 * A merge that adds nothing (only updates) is never refused, even in a glossary already past the
 * limit (older versions let a merge take it there).
 */
export function overLimit(now: number, preview: ImportPreview, mode: ImportMode, limit = MAX_GLOSSARY_ENTRIES): OverLimit | undefined {
  const adds = mode === 'merge' ? preview.added.length : preview.added.length + preview.changed.length + preview.unchanged.length;
  const after = mode === 'merge' ? now + adds : adds;
  return adds > 0 && after > limit ? { mode, now, adds, after, limit } : undefined;
}

/**
 * The glossary after the import. Merge keeps the current order, updates changed entries in place
 * and appends new ones; replace is exactly the file's valid entries in file order.
 */
export function applyImport(current: readonly Entry[], preview: ImportPreview, mode: ImportMode): Entry[] {
  const incoming = [...preview.added, ...preview.changed, ...preview.unchanged].sort((a, b) => a.line - b.line);
  if (mode === 'replace') return incoming.map((r) => r.entry);
  const updates = new Map(preview.changed.map((r) => [r.entry.id, r.entry]));
  const merged = current.map((e) => updates.get(e.id) ?? e);
  const present = new Set(merged.map((e) => e.id));
  for (const r of preview.added) if (!present.has(r.entry.id)) merged.push(r.entry);
  return merged;
}
