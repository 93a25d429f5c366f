// Answers `tifa:get-glossary`: the glossary in effect and the patterns compiled from it.
// Compiling needs opencc's converters, whose construction costs about half a second, and MV3 service
// workers restart often: so the patterns are cached in memory and in session storage (kept across
// worker restarts, cleared with the browser session or an extension update), keyed by the very
// fields they derive from, so a changed glossary can never be served stale patterns.
// The background watches only the glossary's small index (its revision), never the entries, and
// the settings' collection switches: a collection switched off is left out of what pages get.
import { inSwitchedOnCollections, type CollectionSwitches } from '@/src/glossary/collections';
import { defaultGlossary, loadDefaultGlossary } from '@/src/glossary/default';
import { compilePatterns, loadTraditionalConverters } from '@/src/glossary/patterns';
import type { Entry } from '@/src/glossary/schema';
import type { Pattern, ResponseOf } from '@/src/messages';
import { migrateGlossaryStorage } from '@/src/glossary/storage/edits';
import { loadGlossary, watchGlossaryRevision } from '@/src/glossary/storage/store';
import { readSettings, watchSettings } from '@/src/settings/stored-settings';

export type GlossaryResponse = ResponseOf<'tifa:get-glossary'>;

let cached: Promise<GlossaryResponse> | undefined;
let generation = 0;

export const compiledPatternsItem = storage.defineItem<{ key: string; patterns: Pattern[] } | null>(
  'session:compiledPatterns',
  { fallback: null },
);

/** Everything compilePatterns reads, as one string. */
function patternsKey(entries: readonly Entry[]): string {
  return JSON.stringify(entries.map((e) => [e.id, e.term, e.variants, e.enabled, e.ambiguous]));
}

/** The collection switches the cached glossary was built with. */
let switchesSeen: string | undefined;

function switchesKey(switches: CollectionSwitches = {}): string {
  return JSON.stringify(Object.entries(switches).filter(([, on]) => on === false).map(([c]) => c).sort());
}

// Once per worker start: the first read after an update moves an older storage layout over.
let migrated: Promise<unknown> | undefined;

async function compile(): Promise<GlossaryResponse> {
  // Reads understand the older layout too, so a failed migration (quota) only delays it.
  migrated ??= migrateGlossaryStorage().catch((error: unknown) => console.error('Tifa: glossary migration failed', error));
  await migrated;
  // defaultGlossary below reads the shipped glossary, which the background fetches on first use.
  const [glossary, settings] = await Promise.all([loadGlossary(), readSettings(), loadDefaultGlossary()]);
  switchesSeen = switchesKey(settings.collections);
  const entries = inSwitchedOnCollections(glossary.entries ?? defaultGlossary().entries, settings.collections ?? {});
  const key = patternsKey(entries);
  const stored = await compiledPatternsItem.getValue().catch(() => null);
  if (stored?.key === key) return { entries, patterns: stored.patterns };
  // The traditional forms come from opencc's phrase dictionary, which the background fetches only
  // here, when the patterns kept in session storage do not fit (most worker starts never need it).
  await loadTraditionalConverters();
  const patterns = compilePatterns(entries);
  // Session storage is an optimisation only: failing to write it must not fail the request.
  await compiledPatternsItem.setValue({ key, patterns }).catch(() => undefined);
  return { entries, patterns };
}

/**
 * Drops the cache whenever the user's glossary or the collection switches change, and starts moving an older storage layout
 * over (background start); returns the unwatch function.
 */
export function watchGlossary(onChange: () => void = () => undefined): () => void {
  migrated = migrateGlossaryStorage().catch((error: unknown) => console.error('Tifa: glossary migration failed', error));
  const stopGlossary = watchGlossaryRevision(() => {
    invalidateGlossary();
    onChange();
  });
  // Other settings (colours, display mode) change far more often and change nothing here.
  const stopSettings = watchSettings((settings) => {
    if (switchesKey(settings.collections) === switchesSeen) return;
    invalidateGlossary();
    onChange();
  });
  return () => {
    stopGlossary();
    stopSettings();
  };
}

/** The effective glossary and its patterns, compiled once per glossary change (see watchGlossary). */
export function getGlossary(): Promise<GlossaryResponse> {
  if (!cached) {
    const mine = (cached = compile());
    // A failed compile must not stick: the next request tries again.
    mine.catch(() => {
      if (cached === mine) cached = undefined;
    });
  }
  return cached;
}

/** Drops the compiled glossary; listeners (the segmenter's word list) see a new generation. */
export function invalidateGlossary(): void {
  cached = undefined;
  generation++;
}

/** Bumped on every glossary change, so dependants can tell their derived state is stale. */
export function glossaryGeneration(): number {
  return generation;
}
