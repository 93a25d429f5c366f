// The user's glossary as e2e tests set and read it, in the extension's own storage layout
// (src/glossary/storage/layout.ts: one key per entry plus an index). Writing the key `glossary`
// directly, as tests did before layout 2, no longer changes the glossary once an index exists.
// Writes commit like the extension does (entries, then the index, then the old slots go), so the
// background and content scripts see one change, by the index, and under the extension's lock
// (GLOSSARY_LOCK): a service worker starting meanwhile (woken by the first write's storage event)
// removes the slots no index names, which were the ones written here and not yet named. Without
// the lock, frame-edits.e2e.ts failed in 2 of 8 fresh-clone CI runs: the glossary lost its entries.
import fs from 'node:fs';
import path from 'node:path';
import { ENTRY_KEY_PREFIX, GLOSSARY_INDEX_KEY, GLOSSARY_LOCK, LEGACY_GLOSSARY_KEY, LEGACY_GLOSSARY_META_KEY, SHIPPED_SEEN_KEY, planCommit } from '../../src/glossary/storage/layout';
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

/** What commitInExtension is given: a commit planned in Node (planCommit) from the index `planned`. */
interface PlannedCommit {
  commit: ReturnType<typeof planCommit>;
  planned: { id: string; rev: number } | null;
  key: string;
  lock: string;
  legacy: string[];
  seen: { key: string; ids: string[] };
}

/**
 * Runs in an extension page or worker (only its source is sent there): writes the commit under the
 * extension's lock if the index is still the one it was planned from, and says whether it did.
 */
async function commitInExtension({ commit, planned, key, lock, legacy, seen }: PlannedCommit): Promise<boolean> {
  type Local = { get(keys: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; remove(keys: string[]): Promise<void> };
  const api = globalThis as unknown as { browser?: { storage: { local: Local } }; chrome?: { storage: { local: Local } } };
  const local = (api.browser ?? api.chrome)!.storage.local;
  return navigator.locks.request(lock, async () => {
    const index = (await local.get(key))[key] as { id: string; rev: number } | undefined;
    if (index?.id !== planned?.id || index?.rev !== planned?.rev) return false;
    const keys = Object.keys(commit.writes);
    for (let i = 0; i < keys.length; i += 500) {
      await local.set(Object.fromEntries(keys.slice(i, i + 500).map((k) => [k, commit.writes[k]])));
    }
    await local.set({ [key]: commit.index, [seen.key]: seen.ids });
    await local.remove([...commit.orphans, ...legacy]);
    return true;
  });
}

/** Runs a function in the extension with one argument: Playwright's and the Firefox harness's `evaluate`. */
type EvaluateInExtension = <A, R>(fn: (arg: A) => Promise<R>, arg: A) => Promise<R>;

/**
 * Installs `glossary` (its entries) as the user's glossary, null: back to the shipped default, as
 * the extension commits it (above), through `evaluate` in a Chromium or a Firefox extension context.
 * Written as this version writes it, having seen today's shipped entries, so a background restart
 * never adds shipped entries to it (src/glossary/storage/edits.ts catchUpShipped). Planned again if
 * another writer committed between reading the index and taking the lock.
 */
export async function commitGlossary(evaluate: EvaluateInExtension, glossary: { entries: readonly unknown[] } | null): Promise<void> {
  // What does not depend on the index is made once, not again for each attempt.
  const legacy = [LEGACY_GLOSSARY_KEY, LEGACY_GLOSSARY_META_KEY];
  const seen = { key: SHIPPED_SEEN_KEY, ids: shippedIds() };
  for (let attempt = 1; ; attempt++) {
    const index = await evaluate(async (key) => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.local.get(key).then((got) => got[key]), GLOSSARY_INDEX_KEY);
    // Every entry goes to a fresh slot (no previous entries given): simple, and always correct.
    const commit = planCommit(index as Parameters<typeof planCommit>[0], [], glossary ? (glossary.entries as Entry[]) : null);
    const planned = index ? { id: (index as { id: string }).id, rev: (index as { rev: number }).rev } : null;
    if (await evaluate(commitInExtension, { commit, planned, key: GLOSSARY_INDEX_KEY, lock: GLOSSARY_LOCK, legacy, seen })) return;
    if (attempt === 5) throw new Error('setUserGlossary: the glossary index kept changing');
  }
}

/** commitGlossary through a Chromium extension page or worker. */
export function setUserGlossary(worker: Pick<Worker, 'evaluate'>, glossary: { entries: readonly unknown[] } | null): Promise<void> {
  return commitGlossary((fn, arg) => worker.evaluate(fn, arg as never), glossary);
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
export async function storedGlossarySample<E = Entry>(worker: Pick<Worker, 'evaluate'>, positions: number[] = []): Promise<{ count: number; sample: E[] } | null> {
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
