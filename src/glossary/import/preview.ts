// What an import would do to the current glossary (added, changed with the fields that differ,
// unchanged, refused, and the current entries the file lacks), shown to the user before anything
// is stored; and the glossary after it, merged or replaced. Pure: no DOM, no browser APIs.
import { changedFields, sameEntry } from '../compare';
import { idFromPinyin } from '../entry-id';
import type { Entry } from '../schema';
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

/** What importing would do to `current`. Rows without an id are matched by term. */
export function previewImport(current: readonly Entry[], parsed: ParsedImport): ImportPreview {
  const byId = new Map(current.map((e) => [e.id, e]));
  const byTerm = new Map(current.map((e) => [e.term, e]));
  const taken = new Set([...byId.keys(), ...parsed.rows.filter((r) => !r.idGenerated).map((r) => r.entry.id)]);
  const preview: ImportPreview = { added: [], changed: [], unchanged: [], invalid: parsed.invalid, missing: [] };
  const touched = new Set<string>();
  for (const row of parsed.rows) {
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
