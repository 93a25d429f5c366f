// The shipped glossary as the extension's pages and the tests read it: its two data files bundled
// with the code, validated by the schema on first use, so a broken data file fails loudly in the
// tests. The background gets ./shipped-source.fetched.ts instead (wxt.config.ts): bundled in the
// service worker's script, these strings were ~1.1 MB of literals in V8's code cache, which Chromium
// reads back on the browser's main thread every time the worker starts (docs/page-cost.md, *A cold
// start's first marks*); and validating them cost every worker start ~50 ms of its CPU.
// Relative, not '@/data/…': wxt.config.ts imports this module to package the validated glossary, and
// its config loader knows no '@/' alias.
import speech from '../../data/glossary.json';
import national from '../../data/national.json';
import { glossarySchema, type Glossary } from './schema';

let parsed: Glossary | undefined;

/** Has the glossary at hand: here it always is. */
export const loadShippedGlossary = (): Promise<void> => Promise.resolve();

/**
 * The shipped glossary: the speech's entries, then the national collection's, validated (the schema
 * also refuses an id used in both files).
 */
export function shippedGlossary(): Glossary {
  parsed ??= glossarySchema.parse({ ...speech, entries: [...speech.entries, ...national.entries] });
  return parsed;
}
