// Keeps the page glossary (src/glossary/page-glossary.ts) in storage.local in step with the glossary
// in effect, so pages read it with their settings and never wait for this worker to start.
import { buildPageGlossary, buildPageNames, encodePageGlossary, entryIndexOf, PAGE_GLOSSARY_KEY } from '@/src/glossary/page-glossary';
import type { Entry } from '@/src/glossary/schema';
import type { EntryName } from '@/src/messages';
import { getGlossary, glossaryGeneration } from './glossary-service';

let publishing: Promise<string> | undefined;

/** Builds the page glossary from the glossary in effect and stores it if it changed; returns it encoded. */
export function publishPageGlossary(): Promise<string> {
  const run = async (): Promise<string> => {
    // Named now, so that a page still holding this glossary's keys after the next change is answered.
    await nameCurrentGlossary();
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

/**
 * The enabled entries of the last few page glossaries, by version, oldest first. A page keeps the
 * keys of the glossary it read until the background tells it of a change (after the session copy
 * holds it): meanwhile its report, counts and tooltip still name what it shows.
 */
const entriesByVersion = new Map<string, Entry[]>();
/** How many glossaries back a page's keys are still named: a few edits in a row, not every one. */
const KEPT_VERSIONS = 4;
let namedGeneration: number | undefined;

/** Names the glossary in effect, once per glossary, and keeps the few before it. */
async function nameCurrentGlossary(): Promise<void> {
  const generation = glossaryGeneration();
  if (namedGeneration === generation) return;
  const enabled = (await getGlossary()).entries.filter((e) => e.enabled);
  const { version } = buildPageNames(enabled);
  entriesByVersion.delete(version);
  entriesByVersion.set(version, enabled);
  for (const old of entriesByVersion.keys()) if (entriesByVersion.size > KEPT_VERSIONS) entriesByVersion.delete(old);
  namedGeneration = generation;
}

/**
 * What a page's entry keys stand for (src/glossary/page-glossary.ts): the entries of the glossary
 * in effect or of one of the few before it that the background named; null for any other key.
 */
export async function nameEntries(keys: readonly string[], withEntries = false): Promise<Array<EntryName | null>> {
  await nameCurrentGlossary();
  const kept = [...entriesByVersion];
  return keys.map((key) => {
    let entry: Entry | undefined;
    for (const [version, entries] of kept) {
      const index = entryIndexOf(key, version);
      if (index !== undefined) entry = entries[index];
    }
    if (!entry) return null;
    return withEntries ? { id: entry.id, term: entry.term, entry } : { id: entry.id, term: entry.term };
  });
}
