// Answers `tifa:get-glossary`: the glossary in effect and the patterns compiled from it.
// Compiling (opencc conversion of every form) takes tens of milliseconds, so the result is cached
// until the user's glossary changes; a restarted service worker simply compiles again.
import { effectiveGlossary } from '@/src/glossary/default';
import { compilePatterns } from '@/src/glossary/normalise';
import type { ResponseOf } from '@/src/messages';
import { glossaryItem } from '@/src/settings/glossary-store';

export type GlossaryResponse = ResponseOf<'tifa:get-glossary'>;

let cached: Promise<GlossaryResponse> | undefined;
let generation = 0;

async function compile(): Promise<GlossaryResponse> {
  const glossary = effectiveGlossary(await glossaryItem.getValue());
  return { entries: glossary.entries, patterns: compilePatterns(glossary.entries) };
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
