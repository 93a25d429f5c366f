// The glossary that ships with Tifa: the speech's entries (data/glossary.json) followed by the
// national formulations collection (data/national.json). Validated once on first use, so a broken
// data file fails loudly in tests and at startup instead of painting wrong explanations (the
// schema also refuses an id used in both files). The background fetches the files when first needed
// (./shipped-source.fetched.ts): it calls loadDefaultGlossary before defaultGlossary.
import { loadShippedSource, shippedSource } from './shipped-source';
import { glossarySchema, type Glossary } from './schema';

let parsed: Glossary | undefined;

/** Resolves once defaultGlossary can answer (at once, except in the background's first call). */
export const loadDefaultGlossary = (): Promise<void> => loadShippedSource();

export function defaultGlossary(): Glossary {
  if (!parsed) {
    const { speech, national } = shippedSource();
    parsed = glossarySchema.parse({ ...speech, entries: [...speech.entries, ...national.entries] });
  }
  return parsed;
}
