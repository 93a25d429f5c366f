// How the user's glossary is laid out in storage.local (layout version 2), as pure data: no browser
// APIs, so the store, the content script (which needs only the index key) and the e2e tests share it.
//
// Version 1 kept the whole glossary in one value (`glossary`). A 10,000-entry glossary is 10–28 MB,
// and every save copied all of it out of the page and shipped old and new values to every
// storage.onChanged listener, every tab's content script included: the options page froze 0.5–2 s.
//
// Version 2 keeps each entry in its own key, `glossary:e:<slot>`, and the order in a small index,
// `glossary:index`. Slots are never rewritten: a changed entry goes to a fresh slot (numbered from
// the index's `next` counter), then the index is switched to it in one write, then the slots it no
// longer names are removed. So:
//  - an edit writes one entry and the index, not the glossary;
//  - a reader going by an index finds exactly the entries written for it (a slot named by any index
//    that was ever committed keeps its content until it is removed), never a half-applied edit;
//  - a write that fails midway (quota) leaves the previous index, and all it names, untouched;
//  - slots can be cached by any reader, so a reader fetches only slots it has not seen. Slot numbers
//    restart when storage is cleared, so a cache is valid only for the index `id` it was filled under.
import type { Entry } from '@/src/glossary/schema';

/** The version 1 key: the whole glossary as one value (null or absent: the shipped default). */
export const LEGACY_GLOSSARY_KEY = 'glossary';
/** WXT's metadata key for the version 1 storage item ({ v: 1 }). */
export const LEGACY_GLOSSARY_META_KEY = 'glossary$';
/** The index: small, and rewritten on every change, so it is what watchers watch. */
export const GLOSSARY_INDEX_KEY = 'glossary:index';
export const ENTRY_KEY_PREFIX = 'glossary:e:';
/**
 * The ids of the shipped entries a user's own glossary has seen (written with every save, and when
 * the background adds the entries an update shipped: src/glossary/storage/edits.ts catchUpShipped).
 */
export const SHIPPED_SEEN_KEY = 'glossary:shipped-seen';
/**
 * The Web Lock every writer of the glossary holds from reading the index to removing the slots it
 * no longer names (src/glossary/storage/edits.ts). The background's start takes it too, and removes
 * the slots no index names as leftovers of an interrupted write: a writer without it could lose the
 * slots it has written and not yet named.
 */
export const GLOSSARY_LOCK = 'tifa:glossary';
const GLOSSARY_LAYOUT_VERSION = 2;

export interface GlossaryIndex {
  version: typeof GLOSSARY_LAYOUT_VERSION;
  /** Chosen at random when the first index is written, kept by every later one (see above). */
  id: string;
  /** Bumped by every committed change; watchers compare it. */
  rev: number;
  /** The user changed nothing (or reset): the glossary in effect is the shipped one; `slots` is empty. */
  shipped: boolean;
  /** The entries in order, each by its slot. */
  slots: string[];
  /** The next unused slot number; only ever grows, so a slot name is never reused. */
  next: number;
}

export function entryKey(slot: string): string {
  return ENTRY_KEY_PREFIX + slot;
}

/** The stored index, or undefined when there is none (or it is not one this code understands). */
export function parseIndex(value: unknown): GlossaryIndex | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Partial<GlossaryIndex>;
  if (v.version !== GLOSSARY_LAYOUT_VERSION) return undefined;
  if (typeof v.id !== 'string' || typeof v.rev !== 'number' || typeof v.next !== 'number' || typeof v.shipped !== 'boolean') return undefined;
  if (!Array.isArray(v.slots) || !v.slots.every((s) => typeof s === 'string')) return undefined;
  return v as GlossaryIndex;
}

/** The entries of a version 1 value, null for the shipped default (absent, null or unreadable). */
export function legacyEntries(value: unknown): Entry[] | null {
  const entries = value && typeof value === 'object' ? (value as { entries?: unknown }).entries : undefined;
  return Array.isArray(entries) ? (entries as Entry[]) : null;
}

export interface Commit {
  /** Entries to write first, by key: only new or changed ones. */
  writes: Record<string, Entry>;
  /** Then the index, in one write: this is the moment the change takes effect. */
  index: GlossaryIndex;
  /** Then these keys can go: slots the previous index named and the new one does not. */
  orphans: string[];
}

/**
 * Plans storing `next` (null: the shipped default) over the glossary `previous` names, whose entries
 * are `previousEntries` (entry i in slot i). An entry keeps its slot when it is the very object read
 * from that slot or has the same id and the same content; anything else gets a fresh slot.
 */
export function planCommit(
  previous: GlossaryIndex | undefined,
  previousEntries: readonly Entry[],
  next: readonly Entry[] | null,
): Commit {
  const bySame = new Map<Entry, string>();
  const byId = new Map<string, { slot: string; json: string | undefined; entry: Entry }>();
  previous?.slots.forEach((slot, i) => {
    const entry = previousEntries[i];
    if (!entry) return;
    bySame.set(entry, slot);
    byId.set(entry.id, { slot, json: undefined, entry });
  });
  let counter = previous?.next ?? 0;
  const used = new Set<string>();
  const writes: Record<string, Entry> = {};
  const slots = (next ?? []).map((entry) => {
    let slot = bySame.get(entry);
    if (slot === undefined) {
      // A new object for an entry that may not have changed (an import, a copy): compare content.
      const before = byId.get(entry.id);
      if (before && (before.json ??= JSON.stringify(before.entry)) === JSON.stringify(entry)) slot = before.slot;
    }
    if (slot === undefined || used.has(slot)) {
      slot = (counter++).toString(36);
      writes[entryKey(slot)] = entry;
    }
    used.add(slot);
    return slot;
  });
  const index: GlossaryIndex = {
    version: GLOSSARY_LAYOUT_VERSION,
    id: previous?.id ?? crypto.randomUUID(),
    rev: (previous?.rev ?? 0) + 1,
    shipped: next === null,
    slots,
    next: counter,
  };
  const orphans = (previous?.slots ?? []).filter((slot) => !used.has(slot)).map(entryKey);
  return { writes, index, orphans };
}
