// opencc's simplified→traditional phrase dictionary (STPhrases, ~1 MB), as the tests and scripts read
// it: bundled. The background gets ./opencc-phrases.fetched.ts instead (wxt.config.ts): bundled in
// the service worker's script, this one string was most of its literals, which Chromium reads back
// from V8's code cache on the browser's main thread at every worker start (docs/page-cost.md, *A
// cold start's first marks*), though a worker start seldom converts anything (compiled patterns are
// kept in session storage).
import STPhrases from 'opencc-js/dict/STPhrases';

/** Has the dictionary at hand: here it always is. */
export const loadOpenccPhrases = (): Promise<void> => Promise.resolve();

/** The dictionary; in the background only once loadOpenccPhrases has resolved. */
export const openccPhrases = (): string => STPhrases;
