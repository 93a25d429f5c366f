// Answers `tifa:new-formulations` for the popup: the page's text (sent by the popup, which read it
// from the page on request) through the extractor, with jieba, here in the background, so the page's
// main thread never pays for it.
import { newFormulations, type NewFormulation } from '@/src/brief/radar';
import { readEntries } from '@/src/glossary/storage/edits';
import { getGlossary } from './glossary-service';
import { wordCutter } from './segmenter';

export async function findNewFormulations(text: string, dismissed: readonly string[]): Promise<NewFormulation[]> {
  // The whole glossary, collections switched off included: what it has is not new; and every form
  // pages match (traditional spellings too), from the compiled patterns.
  const [segment, entries, { patterns }] = await Promise.all([wordCutter(), readEntries(), getGlossary()]);
  const forms = [...entries, ...patterns.map((p) => ({ id: p.id, term: p.text, variants: [] }))];
  return newFormulations(text, { segment, entries: forms, dismissed: new Set(dismissed) });
}
