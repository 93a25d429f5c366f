// Answers `tifa:get-glossary`: the glossary in effect and the patterns compiled from it.
// Compiling needs opencc's converters, whose construction costs about half a second, and MV3 service
// workers restart often: so the patterns are cached in memory and in session storage (kept across
// worker restarts, cleared with the browser session or an extension update), keyed by the very
// fields they derive from, so a changed glossary can never be served stale patterns.
import { effectiveGlossary } from '@/src/glossary/default';
import { compilePatterns } from '@/src/glossary/normalise';
import type { Entry } from '@/src/glossary/schema';
import type { Pattern, ResponseOf } from '@/src/messages';
import { glossaryItem } from '@/src/settings/glossary-store';

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

async function compile(): Promise<GlossaryResponse> {
  const glossary = effectiveGlossary(await glossaryItem.getValue());
  const key = patternsKey(glossary.entries);
  const stored = await compiledPatternsItem.getValue().catch(() => null);
  if (stored?.key === key) return { entries: glossary.entries, patterns: stored.patterns };
  const patterns = compilePatterns(glossary.entries);
  // Session storage is an optimisation only: failing to write it must not fail the request.
  await compiledPatternsItem.setValue({ key, patterns }).catch(() => undefined);
  return { entries: glossary.entries, patterns };
}

/** Drops the cache whenever the user's glossary changes; returns the unwatch function. */
export function watchGlossary(): () => void {
  return glossaryItem.watch(invalidateGlossary);
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
