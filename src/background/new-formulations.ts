// Answers `tifa:new-formulations` for the popup: the page's text (sent by the popup, which read it
// from the page on request) through the extractor, with jieba, here in the background, so the page's
// main thread never pays for it.
import { newFormulations, type NewFormulation } from '@/src/brief/radar';
import { readEntries } from '@/src/settings/glossary-edits';
import { wordCutter } from './segmenter';

export async function findNewFormulations(text: string, dismissed: readonly string[]): Promise<NewFormulation[]> {
  // The whole glossary, collections switched off included: what it has is not new.
  const [segment, entries] = await Promise.all([wordCutter(), readEntries()]);
  return newFormulations(text, { segment, entries, dismissed: new Set(dismissed) });
}
