// Keeps the page glossary (src/glossary/page-glossary.ts) in storage.local in step with the glossary
// in effect, so pages read it with their settings and never wait for this worker to start.
import { buildPageGlossary, buildPageNames, encodePageGlossary, entryIndexOf, PAGE_GLOSSARY_KEY, type PageNames } from '@/src/glossary/page-glossary';
import type { Entry } from '@/src/glossary/schema';
import type { EntryName } from '@/src/messages';
import { getGlossary, glossaryGeneration } from './glossary-service';

let publishing: Promise<string> | undefined;

/** Builds the page glossary from the glossary in effect and stores it if it changed; returns it encoded. */
export function publishPageGlossary(): Promise<string> {
  const run = async (): Promise<string> => {
    const { entries, patterns } = await getGlossary();
    const encoded = encodePageGlossary(buildPageGlossary(entries, patterns));
    const stored = await browser.storage.local.get(PAGE_GLOSSARY_KEY).catch(() => ({}) as Record<string, unknown>);
    // Unchanged: no write, so no storage event wakes every open page.
    if (stored[PAGE_GLOSSARY_KEY] !== encoded) await browser.storage.local.set({ [PAGE_GLOSSARY_KEY]: encoded });
    return encoded;
  };
  // One at a time, the latest last: a change that lands while one runs is published after it.
  const next = (publishing ?? Promise.resolve('')).catch(() => '').then(run);
  publishing = next;
  return next;
}

/** The entries with `ids` that the glossary in effect holds, for the tooltip. */
export async function entriesById(ids: readonly string[]): Promise<Entry[]> {
  const { entries } = await getGlossary();
  const wanted = new Set(ids);
  return entries.filter((e) => wanted.has(e.id));
}

let names: { generation: number; names: PageNames; entries: Entry[] } | undefined;

/** The page names of the glossary in effect, made once per glossary. */
async function currentNames(): Promise<{ names: PageNames; entries: Entry[] }> {
  const generation = glossaryGeneration();
  if (names?.generation !== generation) {
    const enabled = (await getGlossary()).entries.filter((e) => e.enabled);
    names = { generation, names: buildPageNames(enabled), entries: enabled };
  }
  return names;
}

/**
 * What a page's entry keys stand for (src/glossary/page-glossary.ts): null for a key of a page
 * glossary other than the one in effect (the glossary changed; the page rescans with the new one).
 */
export async function nameEntries(keys: readonly string[], withEntries = false): Promise<Array<EntryName | null>> {
  const { names: current, entries } = await currentNames();
  return keys.map((key) => {
    const index = entryIndexOf(key, current.version);
    const entry = index === undefined ? undefined : entries[index];
    if (!entry) return null;
    return withEntries ? { id: entry.id, term: entry.term, entry } : { id: entry.id, term: entry.term };
  });
}
