// The glossary that ships with Tifa: the speech's entries (data/glossary.json) followed by the
// national formulations collection (data/national.json), validated by the schema (in the background,
// by the build: ./shipped-source.fetched.ts). The background fetches it when first needed: it calls
// loadDefaultGlossary before defaultGlossary.
import { loadShippedGlossary, shippedGlossary } from './shipped-source';
import type { Glossary } from './schema';

/** Resolves once defaultGlossary can answer (at once, except in the background's first call). */
export const loadDefaultGlossary = (): Promise<void> => loadShippedGlossary();

export const defaultGlossary = (): Glossary => shippedGlossary();
