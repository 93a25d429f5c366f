// The user's glossary as e2e tests set and read it, in the extension's own storage layout
// (src/glossary/storage/layout.ts: one key per entry plus an index). Writing the key `glossary`
// directly, as tests did before layout 2, no longer changes the glossary once an index exists.
// Writes commit like the extension does (entries, then the index, then the old slots go), so the
// background and content scripts see one change, by the index.
import fs from 'node:fs';
import path from 'node:path';
import { ENTRY_KEY_PREFIX, GLOSSARY_INDEX_KEY, LEGACY_GLOSSARY_KEY, LEGACY_GLOSSARY_META_KEY, SHIPPED_SEEN_KEY, planCommit } from '../../src/glossary/storage/layout';
import type { Worker } from 'playwright-core';
import type { Entry } from '../../src/glossary/schema';

declare const chrome: {
  storage: {
    local: {
      get(keys: string | string[]): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      remove(keys: string[]): Promise<void>;
    };
  };
};

/** The ids of today's shipped glossary, in its order (src/glossary/default.ts: the speech's, then the national collection's). */
function shippedIds(): string[] {
  const ids = (file: string) => (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../data', file), 'utf8')) as { entries: Array<{ id: string }> }).entries.map((e) => e.id);
  return [...ids('glossary.json'), ...ids('national.json')];
}

/**
 * Installs `glossary` (its entries) as the user's glossary; null: back to the shipped default.
 * Written as this version writes it, having seen today's shipped entries, so a background restart
 * never adds shipped entries to it (src/glossary/storage/edits.ts catchUpShipped).
 */
export async function setUserGlossary(worker: Pick<Worker, 'evaluate'>, glossary: { entries: readonly unknown[] } | null): Promise<void> {
  const index = await worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], GLOSSARY_INDEX_KEY);
  // Every entry goes to a fresh slot (no previous entries given): simple, and always correct.
  const commit = planCommit(index as Parameters<typeof planCommit>[0], [], glossary ? (glossary.entries as Entry[]) : null);
  await worker.evaluate(
    async ({ commit, key, legacy, seen }) => {
      const keys = Object.keys(commit.writes);
      for (let i = 0; i < keys.length; i += 500) {
        await chrome.storage.local.set(Object.fromEntries(keys.slice(i, i + 500).map((k) => [k, commit.writes[k]])));
      }
      await chrome.storage.local.set({ [key]: commit.index, [seen.key]: seen.ids });
      await chrome.storage.local.remove([...commit.orphans, ...legacy]);
    },
    { commit, key: GLOSSARY_INDEX_KEY, legacy: [LEGACY_GLOSSARY_KEY, LEGACY_GLOSSARY_META_KEY], seen: { key: SHIPPED_SEEN_KEY, ids: shippedIds() } },
  );
}

/** The user's stored glossary (null while it is the shipped one), read by its index. */
export async function storedUserGlossary<E = Entry>(worker: Worker): Promise<{ entries: E[] } | null> {
  return (await worker.evaluate(
    async ({ key, prefix }) => {
      const index = (await chrome.storage.local.get(key))[key] as { shipped: boolean; slots: string[] } | undefined;
      if (!index || index.shipped) return null;
      const keys = index.slots.map((s) => prefix + s);
      const got = await chrome.storage.local.get(keys);
      return { entries: keys.map((k) => got[k]) };
    },
    { key: GLOSSARY_INDEX_KEY, prefix: ENTRY_KEY_PREFIX },
  )) as { entries: E[] } | null;
}

/** The glossary Tifa ships, as the data files hold it: the speech's entries, then the national collection. */
export function shippedFromData<T = Entry>(): T[] {
  const root = path.resolve(import.meta.dirname, '../..');
  const read = (file: string) => (JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as { entries: T[] }).entries;
  return [...read('data/glossary.json'), ...read('data/national.json')];
}

/**
 * The stored user glossary by its index alone (null while it is the shipped one): how many entries
 * it names and the entries at `positions` (negative: from the end), without moving a large
 * glossary out of the browser.
 */
export async function storedGlossarySample<E = Entry>(worker: Worker, positions: number[] = []): Promise<{ count: number; sample: E[] } | null> {
  return (await worker.evaluate(
    async ({ key, prefix, positions }) => {
      const index = (await chrome.storage.local.get(key))[key] as { shipped: boolean; slots: string[] } | undefined;
      if (!index || index.shipped) return null;
      const keys = positions.map((p) => prefix + index.slots.at(p));
      const got = await chrome.storage.local.get(keys);
      return { count: index.slots.length, sample: keys.map((k) => got[k]) };
    },
    { key: GLOSSARY_INDEX_KEY, prefix: ENTRY_KEY_PREFIX, positions },
  )) as { count: number; sample: E[] } | null;
}
