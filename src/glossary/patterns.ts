// From glossary entries to the surface forms the matcher looks for: each enabled entry's term and
// variants, plus their traditional-character forms (Taiwan and Hong Kong conventions), because
// readers meet these terms in Taiwanese and Hong Kong media too.
// Pure module: no DOM, no browser APIs. It pulls in opencc's ~1 MB dictionary, so only the
// background and extension pages import it — never the content script.
import { Converter } from 'opencc-js/cn2t';
import type { Pattern } from '@/src/messages';
import { surfaceForms, type Entry } from './schema';

type Convert = (text: string) => string;

let converters: [Convert, Convert] | undefined;

// Built on first use: building the converters' tries costs tens of milliseconds.
/** Simplified → traditional by Taiwan's conventions, then by Hong Kong's. */
export function traditionalConverters(): [Convert, Convert] {
  converters ??= [Converter({ from: 'cn', to: 'tw' }), Converter({ from: 'cn', to: 'hk' })];
  return converters;
}

/** The distinct traditional-character spellings of `text` (cn→tw, cn→hk), excluding `text` itself. */
export function traditionalForms(text: string): string[] {
  const forms = new Set<string>();
  for (const convert of traditionalConverters()) {
    const form = convert(text);
    if (form !== text) forms.add(form);
  }
  return [...forms];
}

/**
 * The patterns for the enabled entries, in glossary order.
 *
 * A surface form belongs to one entry only, so a match always explains one thing. Forms written in
 * the glossary win over derived traditional forms; between two entries, the earlier one keeps a
 * form (schema checks and the glossary tests keep written forms unique, so that only decides
 * between derived forms, e.g. two simplified terms that fold into one traditional spelling).
 */
export function compilePatterns(entries: readonly Entry[]): Pattern[] {
  const enabled = entries.filter((e) => e.enabled);
  const owner = new Map<string, Entry>();
  const claim = (text: string, entry: Entry): void => {
    const form = text.trim();
    if (form && !owner.has(form)) owner.set(form, entry);
  };
  for (const entry of enabled) for (const form of surfaceForms(entry)) claim(form, entry);
  for (const entry of enabled) {
    for (const form of surfaceForms(entry)) for (const t of traditionalForms(form.trim())) claim(t, entry);
  }

  // Emit grouped by entry (glossary order), written forms before derived ones.
  const byEntry = new Map<Entry, string[]>();
  for (const [form, entry] of owner) {
    const list = byEntry.get(entry) ?? [];
    list.push(form);
    byEntry.set(entry, list);
  }
  const patterns: Pattern[] = [];
  for (const entry of enabled) {
    for (const text of byEntry.get(entry) ?? []) patterns.push({ text, id: entry.id, ambiguous: entry.ambiguous });
  }
  return patterns;
}
