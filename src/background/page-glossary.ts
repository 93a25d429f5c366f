// Keeps the page glossary (src/glossary/page-glossary.ts) in storage.local in step with the glossary
// in effect, so pages read it with their settings and never wait for this worker to start.
import { buildPageGlossary, buildPageNames, encodePageGlossary, PAGE_GLOSSARY_KEY, parseEntryKey, type PageNames } from '@/src/glossary/page-glossary';
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

/** The glossary in effect, named: its enabled entries (a page glossary's entry keys index them) and version. */
let named: { generation: number; version: string; entries: Entry[] } | undefined;

/**
 * The ids and terms of the last few page glossaries, by version, oldest first. A page keeps the keys
 * of the glossary it read until the background tells it of a change (once the session copy holds
 * it): meanwhile its report, counts and tooltip still name what it shows. Ids and terms only: the
 * strings are the entries', so a version kept costs two arrays, not a copy of the glossary.
 */
const namesByVersion = new Map<string, PageNames>();
/** How many glossaries are named: a page told of a change reads the latest, whatever came between. */
const NAMED_VERSIONS = 8;

/** Names the glossary in effect, once per glossary, keeping the names of the few before it. */
async function nameCurrentGlossary(): Promise<{ version: string; entries: Entry[] }> {
  const generation = glossaryGeneration();
  if (named?.generation !== generation) {
    const entries = (await getGlossary()).entries.filter((e) => e.enabled);
    const names = buildPageNames(entries);
    namesByVersion.delete(names.version);
    namesByVersion.set(names.version, names);
    for (const old of namesByVersion.keys()) if (namesByVersion.size > NAMED_VERSIONS) namesByVersion.delete(old);
    named = { generation, version: names.version, entries };
  }
  return named;
}

/**
 * What a page's entry keys stand for (src/glossary/page-glossary.ts): an entry of the glossary in
 * effect, or of one of the few before it (with the entry, when asked, if the glossary still holds
 * it); null for any other key.
 */
export async function nameEntries(keys: readonly string[], withEntries = false): Promise<Array<EntryName | null>> {
  const { version, entries } = await nameCurrentGlossary();
  let byId: Map<string, Entry> | undefined;
  return keys.map((key) => {
    const parsed = parseEntryKey(key);
    const names = parsed && namesByVersion.get(parsed.version);
    const id = parsed && names?.ids[parsed.index];
    if (!parsed || !names || id === undefined) return null;
    const name = { id, term: names.terms[parsed.index]! };
    if (!withEntries) return name;
    // An older key's entry, if the glossary in effect still holds it.
    const entry = parsed.version === version ? entries[parsed.index] : (byId ??= new Map(entries.map((e) => [e.id, e]))).get(id);
    return { ...name, entry };
  });
}
