// Editing the user's glossary safely from any number of extension pages at once.
// Every change is a function applied to the latest stored value (read-modify-write), serialised by a
// Web Lock shared by all pages of the extension, so two options tabs never overwrite each other.
// Storage errors (quota) reject the returned promise: callers show them.
// How the glossary is stored (an entry per key, so an edit writes one entry): ./store.ts.
import shippedV1 from '@/data/shipped-v1-ids.json';
import { defaultGlossary } from '@/src/glossary/default';
import { MAX_GLOSSARY_ENTRIES, type Entry } from '@/src/glossary/schema';
import { canonical } from '@/src/glossary/compare';
import { exclusive } from '@/src/settings/exclusive';
import { GLOSSARY_LOCK, SHIPPED_SEEN_KEY } from './layout';
import { loadGlossary, migrateGlossary, replaceGlossary, watchGlossaryRevision, type WriteProgress } from './store';

/**
 * The glossary Tifa ships (data/glossary.json). In the background, only once the shipped glossary has
 * loaded: its paths here (readEntries, migrateGlossaryStorage) read the stored glossary first, which
 * loads it (./store.ts read).
 */
export function shippedEntries(): Entry[] {
  return defaultGlossary().entries;
}

/** The glossary in effect: the user's, or the shipped one while the user has changed nothing. */
export async function readEntries(): Promise<Entry[]> {
  const stored = await loadGlossary();
  return stored.entries ?? shippedEntries();
}

/**
 * Calls `listener` with the glossary in effect whenever any page changes it. Only the latest read
 * is delivered: a read started for an older revision that resolves late is dropped.
 */
export function watchEntries(listener: (entries: Entry[]) => void): () => void {
  let latest = 0;
  let stopped = false;
  const stop = watchGlossaryRevision(() => {
    const mine = ++latest;
    readEntries().then(
      (entries) => !stopped && mine === latest && listener(entries),
      (error: unknown) => console.error('Tifa: glossary failed to load', error),
    );
  });
  return () => {
    stopped = true;
    stop();
  };
}

function sameAsShipped(entries: readonly Entry[]): boolean {
  const shipped = shippedEntries();
  return entries.length === shipped.length && entries.every((e, i) => canonical(e) === canonical(shipped[i]));
}

/** A change would take the glossary past MAX_GLOSSARY_ENTRIES: refused, nothing stored. */
export class GlossaryFullError extends Error {
  readonly limit = MAX_GLOSSARY_ENTRIES;
  constructor() {
    super(`a glossary holds at most ${MAX_GLOSSARY_ENTRIES} entries`);
    this.name = 'GlossaryFullError';
  }
}

/**
 * Applies `change` to the latest stored glossary and stores the result. A glossary equal to the
 * shipped one is stored as null, so future shipped updates keep reaching a user who changed nothing.
 * `change` may take its time (an import compares its rows in slices; the lock is held meanwhile)
 * and may decline by returning null: then nothing is stored and the glossary as read is returned.
 * A change that would take the glossary past MAX_GLOSSARY_ENTRIES (a save, a restore, an undo)
 * rejects with GlossaryFullError: whatever Tifa holds, it exports, and whatever it exports, it
 * imports again. `onProgress` follows the entries written.
 */
export function updateEntries(
  change: (entries: Entry[]) => Entry[] | null | Promise<Entry[] | null>,
  onProgress?: WriteProgress,
): Promise<Entry[]> {
  return exclusive(GLOSSARY_LOCK, async () => {
    const current = await readEntries();
    const next = await change([...current]);
    if (next === null) return current;
    if (next.length > MAX_GLOSSARY_ENTRIES && next.length > current.length) throw new GlossaryFullError();
    // The stored array itself (frozen) when there is one: a page then hears of its own save with
    // the very array it already shows.
    const stored = (await replaceGlossary(sameAsShipped(next) ? null : next, onProgress)).entries ?? next;
    // Written by this version, from a glossary that included (or chose to drop) today's shipped entries.
    await markShippedSeen(await readShippedSeen());
    return stored;
  });
}

/**
 * Brings the stored glossary to the current storage layout (a version 1 single value is moved to
 * one key per entry), sweeps keys no index names, and adds to a user's own glossary the shipped
 * entries that are new since it last saw the shipped glossary (see catchUpShipped). The background
 * runs it on start; edits migrate on their first write anyway, and reads understand both layouts
 * meanwhile. Resolves to the number of shipped entries added.
 */
export function migrateGlossaryStorage(): Promise<number> {
  return exclusive(GLOSSARY_LOCK, async () => {
    await migrateGlossary();
    return catchUpShipped();
  });
}

// The shipped entries the user's glossary has seen (SHIPPED_SEEN_KEY) are those shipped when this
// code last wrote it. A user who deleted a shipped entry has seen it, so it is not put back; an
// entry shipped by a later update has not, so it is added.
async function readShippedSeen(): Promise<unknown> {
  return (await browser.storage.local.get(SHIPPED_SEEN_KEY))[SHIPPED_SEEN_KEY];
}

/** The ids a stored record names; absent: stored by the first release, which shipped exactly these (data/shipped-v1-ids.json). */
function seenShippedIds(record: unknown): ReadonlySet<string> {
  return new Set(Array.isArray(record) ? record.filter((id): id is string => typeof id === 'string') : shippedV1.ids);
}

/**
 * Records today's shipped ids as seen, given the record as stored (`record`); writes only when they
 * differ (this runs on every worker start).
 */
async function markShippedSeen(record: unknown): Promise<void> {
  const ids = shippedEntries().map((e) => e.id);
  if (Array.isArray(record) && record.length === ids.length && record.every((id, i) => id === ids[i])) return;
  await browser.storage.local.set({ [SHIPPED_SEEN_KEY]: ids });
}

/**
 * `entries` with the shipped entries it has not seen and does not hold (by id) put in, each next to
 * its shipped neighbour. Pure.
 */
export function withNewShipped(entries: readonly Entry[], seen: ReadonlySet<string>, shipped: readonly Entry[]): { entries: Entry[]; added: Entry[] } {
  const held = new Set(entries.map((e) => e.id));
  const next = [...entries];
  const added: Entry[] = [];
  shipped.forEach((entry, at) => {
    if (seen.has(entry.id) || held.has(entry.id)) return;
    insertAsShipped(next, shipped, at);
    added.push(entry);
  });
  return { entries: next, added };
}

/**
 * Shipped updates reach a user who changed nothing by themselves (their glossary is the shipped
 * one). A user with a glossary of their own gets the entries an update adds, unless they already
 * have an entry with that id or the glossary has no room for them; entries they deleted stay
 * deleted, and their edits stay as they are.
 * Runs under the glossary lock.
 */
async function catchUpShipped(): Promise<number> {
  const stored = await loadGlossary();
  const record = await readShippedSeen();
  let added = 0;
  if (stored.entries !== null) {
    const merged = withNewShipped(stored.entries, seenShippedIds(record), shippedEntries());
    // A glossary the new entries would take past the limit is left as it is (see updateEntries).
    if (merged.added.length > 0 && merged.entries.length <= MAX_GLOSSARY_ENTRIES) {
      await replaceGlossary(merged.entries);
      added = merged.added.length;
    }
  }
  await markShippedSeen(record);
  return added;
}

/** Adds the entry, or replaces the stored entry with the same id (`previousId` when the id was edited). */
export function saveEntry(entry: Entry, previousId = entry.id): Promise<Entry[]> {
  return updateEntries((entries) => {
    const at = entries.findIndex((e) => e.id === previousId);
    const clash = entries.findIndex((e) => e.id === entry.id);
    if (clash !== -1 && clash !== at) throw new Error(`duplicate id "${entry.id}"`);
    if (at === -1) entries.push(entry);
    else entries[at] = entry;
    return entries;
  });
}

export interface Removed {
  entry: Entry;
  index: number;
}

/** Deletes an entry; the result lets `undoRemove` put it back where it was. */
export async function removeEntry(id: string): Promise<Removed | undefined> {
  let removed: Removed | undefined;
  await updateEntries((entries) => {
    const index = entries.findIndex((e) => e.id === id);
    const entry = entries[index];
    if (!entry) return entries;
    removed = { entry, index };
    entries.splice(index, 1);
    return entries;
  });
  return removed;
}

export function undoRemove(removed: Removed): Promise<Entry[]> {
  return updateEntries((entries) => {
    if (entries.some((e) => e.id === removed.entry.id)) return entries;
    entries.splice(Math.min(removed.index, entries.length), 0, removed.entry);
    return entries;
  });
}

export function setEnabled(id: string, enabled: boolean): Promise<Entry[]> {
  return updateEntries((entries) => entries.map((e) => (e.id === id ? { ...e, enabled } : e)));
}

/** Back to the shipped glossary as it is now (and as it will be after updates). */
export function resetToShipped(): Promise<Entry[]> {
  return updateEntries(() => [...shippedEntries()]);
}

export type ShippedState = 'same' | 'edited' | 'deleted';

/** Shipped entries the user edited or deleted, in shipped order. */
export function shippedDifferences(entries: readonly Entry[]): Array<{ entry: Entry; state: ShippedState }> {
  const mine = new Map(entries.map((e) => [e.id, e]));
  return shippedEntries()
    .map((entry) => {
      const own = mine.get(entry.id);
      const state: ShippedState = !own ? 'deleted' : canonical(own) === canonical(entry) ? 'same' : 'edited';
      return { entry, state };
    })
    .filter((d) => d.state !== 'same');
}

/** Puts one shipped entry back as shipped: in place if edited, next to its shipped neighbour if deleted. */
export function restoreShipped(id: string): Promise<Entry[]> {
  return updateEntries((entries) => {
    const shipped = shippedEntries();
    const at = shipped.findIndex((e) => e.id === id);
    const original = shipped[at];
    if (!original) return entries;
    const own = entries.findIndex((e) => e.id === id);
    if (own !== -1) entries[own] = original;
    else insertAsShipped(entries, shipped, at);
    return entries;
  });
}

/** Inserts shipped[at] into `entries` right after its nearest earlier shipped neighbour there (else first). */
function insertAsShipped(entries: Entry[], shipped: readonly Entry[], at: number): void {
  const entry = shipped[at]!;
  for (let i = at - 1; i >= 0; i--) {
    const neighbour = entries.findIndex((e) => e.id === shipped[i]?.id);
    if (neighbour !== -1) {
      entries.splice(neighbour + 1, 0, entry);
      return;
    }
  }
  entries.unshift(entry);
}
