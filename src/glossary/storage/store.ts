// The user's glossary in storage.local: one key per entry plus a small index (the layout and why:
// ./layout.ts). `entries: null` means "the shipped default, unedited".
//
// Writes (replaceGlossary, migrateGlossary) must be serialised by the caller: edits.ts runs
// them under a Web Lock shared by every extension page and the background. Reads need no lock.
// Entries handed out, and the array of them, are frozen and shared between reads of the same
// revision: they are values, never to be mutated. Reading a revision again (a page hearing of its
// own save) gives the very same array, so a UI keyed on it does no work twice.
import { defaultGlossary, loadDefaultGlossary } from '@/src/glossary/default';
import { DEFAULT_SALIENCE, type Entry } from '@/src/glossary/schema';
import {
  ENTRY_KEY_PREFIX,
  GLOSSARY_INDEX_KEY,
  LEGACY_GLOSSARY_KEY,
  LEGACY_GLOSSARY_META_KEY,
  entryKey,
  legacyEntries,
  parseIndex,
  planCommit,
  type GlossaryIndex,
} from './layout';

export interface StoredGlossary {
  /** The index's revision; 0 before anything was stored in this layout. */
  rev: number;
  /** The user's entries, or null for the shipped default. */
  entries: Entry[] | null;
}

// Each get/set moves at most this many entries, so no single storage call (whose values are copied
// on the main thread) blocks a page for long, even when a whole glossary is read or imported.
const BATCH = 500;
// And each set at most about this much: entries like the shipped ones take 4–6 KB, so 500 of them
// (2–3 MB) took 200–300 ms of the options page's main thread per set during an import, copying the
// values out and then hearing them back in storage.onChanged.
const BATCH_BYTES = 512 * 1024;

/**
 * The keys to write, cut into batches of at most BATCH entries and about BATCH_BYTES; each batch
 * is measured as it is asked for, so measuring never holds the page up either.
 */
function* writeBatches(writes: Record<string, Entry>): Generator<string[], void, void> {
  let batch: string[] = [];
  let bytes = 0;
  for (const key of Object.keys(writes)) {
    // Characters, not bytes: close enough to keep a set small, and cheap.
    const size = JSON.stringify(writes[key]).length;
    if (batch.length > 0 && (batch.length >= BATCH || bytes + size > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(key);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

// Slots are never rewritten, so a slot read once is valid for as long as an index names it (under
// the same index id: slot numbers restart if storage is cleared).
const slotCache = new Map<string, Entry>();
let cacheId: string | undefined;
/** The entries of the revision read or written last (under index id `id`). */
let last: { id: string; rev: number; entries: Entry[] } | undefined;

interface Snapshot extends StoredGlossary {
  index: GlossaryIndex | undefined;
  /** A version 1 value is still stored. */
  legacy: boolean;
}

const local = () => browser.storage.local;

/** Empties the cache when it was filled under another index id. */
function cacheFor(index: GlossaryIndex): void {
  if (cacheId === index.id) return;
  slotCache.clear();
  cacheId = index.id;
}

function keep(slots: readonly string[]): void {
  if (slotCache.size <= slots.length) return;
  const named = new Set(slots);
  for (const slot of slotCache.keys()) if (!named.has(slot)) slotCache.delete(slot);
}

let shippedSalience: Map<string, Entry['salience']> | undefined;

/**
 * Entries stored before salience existed have none (stored entries are not re-validated on read):
 * an entry the shipped glossary has takes its salience from there, any other the default.
 */
function withSalience(entry: Entry): Entry {
  if (entry.salience) return entry;
  shippedSalience ??= new Map(defaultGlossary().entries.map((e) => [e.id, e.salience]));
  return { ...entry, salience: shippedSalience.get(entry.id) ?? DEFAULT_SALIENCE };
}

/** Reads the slots not cached yet; false when one is gone (the index moved on meanwhile). */
async function fetchSlots(slots: readonly string[]): Promise<boolean> {
  const missing = slots.filter((s) => !slotCache.has(s));
  const batches: string[][] = [];
  for (let i = 0; i < missing.length; i += BATCH) batches.push(missing.slice(i, i + BATCH));
  let complete = true;
  for (const batch of batches) {
    const got = await local().get(batch.map(entryKey));
    for (const slot of batch) {
      const entry = got[entryKey(slot)] as Entry | undefined | null;
      if (entry && typeof entry === 'object') slotCache.set(slot, Object.freeze(withSalience(entry)));
      else complete = false;
    }
  }
  return complete;
}

async function read(): Promise<Snapshot> {
  // withSalience reads the shipped glossary (the background fetches it once: src/glossary/default.ts).
  await loadDefaultGlossary();
  for (let attempt = 0; ; attempt++) {
    // One get for both keys: a migration between two gets could otherwise hide both.
    const got = await local().get([GLOSSARY_INDEX_KEY, LEGACY_GLOSSARY_KEY]);
    const index = parseIndex(got[GLOSSARY_INDEX_KEY]);
    const legacy = got[LEGACY_GLOSSARY_KEY] !== undefined;
    if (!index) return { rev: 0, entries: legacyEntries(got[LEGACY_GLOSSARY_KEY])?.map(withSalience) ?? null, index, legacy };
    if (index.shipped) return { rev: index.rev, entries: null, index, legacy };
    if (last && last.id === index.id && last.rev === index.rev) return { rev: index.rev, entries: last.entries, index, legacy };
    cacheFor(index);
    if (!(await fetchSlots(index.slots)) && attempt < 3) {
      // A writer removed slots of the index read above after committing a newer one: read again.
      const now = parseIndex((await local().get(GLOSSARY_INDEX_KEY))[GLOSSARY_INDEX_KEY]);
      if (now?.rev !== index.rev) continue;
      // Same index, slots gone: storage was damaged outside Tifa. Show what is left.
      console.warn('Tifa: some glossary entries are missing from storage');
    }
    keep(index.slots);
    const entries = Object.freeze(index.slots.flatMap((slot) => slotCache.get(slot) ?? [])) as Entry[];
    last = { id: index.id, rev: index.rev, entries };
    return { rev: index.rev, entries, index, legacy };
  }
}

/** The user's glossary as stored (or the version 1 value, until it is migrated). */
export async function loadGlossary(): Promise<StoredGlossary> {
  const { rev, entries } = await read();
  return { rev, entries };
}

/** Called after each batch of entries is written: entries written so far, entries to write in all. */
export type WriteProgress = (written: number, total: number) => void;

/**
 * Stores `next` (null: back to the shipped default), writing only entries that are new or changed,
 * then the index; `next` is frozen and becomes what reads of this revision return. Callers
 * serialise (see the header). A failure (quota) rejects and leaves the previous glossary stored
 * and readable; the slots it wrote are removed again. So does a page closed midway: until the
 * index is written, no index names the new slots (swept by migrateGlossary), so readers see the
 * previous glossary whole or the new one whole, never part of each.
 */
export async function replaceGlossary(next: readonly Entry[] | null, onProgress?: WriteProgress): Promise<StoredGlossary> {
  const current = await read();
  const commit = planCommit(current.index, current.entries ?? [], next);
  const written = Object.keys(commit.writes);
  try {
    let done = 0;
    for (const batch of writeBatches(commit.writes)) {
      await local().set(Object.fromEntries(batch.map((key) => [key, commit.writes[key]])));
      done += batch.length;
      onProgress?.(done, written.length);
    }
    await local().set({ [GLOSSARY_INDEX_KEY]: commit.index });
  } catch (error) {
    const after: Record<string, unknown> = await local().get(GLOSSARY_INDEX_KEY).catch(() => ({}));
    const stored = parseIndex(after[GLOSSARY_INDEX_KEY]);
    if (stored?.rev !== commit.index.rev) {
      // Not committed: the new slots are named by no index, so they can go.
      await local().remove(written).catch(() => undefined);
      throw error;
    }
  }
  cacheFor(commit.index);
  for (const key of written) slotCache.set(key.slice(ENTRY_KEY_PREFIX.length), Object.freeze(commit.writes[key]!));
  keep(commit.index.slots);
  const entries = next ? (Object.freeze(next) as Entry[]) : null;
  if (entries) last = { id: commit.index.id, rev: commit.index.rev, entries };
  const garbage = current.legacy ? [...commit.orphans, LEGACY_GLOSSARY_KEY, LEGACY_GLOSSARY_META_KEY] : commit.orphans;
  // Committed already: a failure here leaves only keys no index names, swept later.
  if (garbage.length) await local().remove(garbage).catch(() => undefined);
  return { rev: commit.index.rev, entries };
}

/**
 * Moves a version 1 glossary (one `glossary` value) to this layout and removes it, and removes
 * slots no index names (left by a write interrupted between committing and cleaning up). Returns
 * true when it migrated. Callers serialise (see the header).
 */
export async function migrateGlossary(): Promise<boolean> {
  const got = await local().get([GLOSSARY_INDEX_KEY, LEGACY_GLOSSARY_KEY, LEGACY_GLOSSARY_META_KEY]);
  const index = parseIndex(got[GLOSSARY_INDEX_KEY]);
  if (!index) {
    if (got[LEGACY_GLOSSARY_KEY] === undefined && got[LEGACY_GLOSSARY_META_KEY] === undefined) return false;
    await replaceGlossary(legacyEntries(got[LEGACY_GLOSSARY_KEY]));
    return true;
  }
  const named = new Set(index.slots.map(entryKey));
  // getKeys (Chrome 130+, Firefox 143+) lists keys without copying 10 MB of values; without it, skip.
  const keys = typeof local().getKeys === 'function' ? await local().getKeys() : [];
  const garbage = keys.filter((k) => k.startsWith(ENTRY_KEY_PREFIX) && !named.has(k));
  if (got[LEGACY_GLOSSARY_KEY] !== undefined) garbage.push(LEGACY_GLOSSARY_KEY, LEGACY_GLOSSARY_META_KEY);
  if (garbage.length) await local().remove(garbage);
  return false;
}

/** Calls `listener` with the new revision whenever any page commits a change; returns the unwatch function. */
export function watchGlossaryRevision(listener: (rev: number) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = changes[GLOSSARY_INDEX_KEY];
    if (area === 'local' && change) listener(parseIndex(change.newValue)?.rev ?? 0);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
