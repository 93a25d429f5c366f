// The shipped glossary's data files, as the extension's pages and the tests read them: bundled with
// the code that reads them. The background gets ./shipped-source.fetched.ts instead (wxt.config.ts):
// bundled in the service worker's script, these strings are ~1.1 MB of literals in V8's code cache,
// which Chromium reads back on the browser's main thread every time the worker starts
// (docs/page-cost.md, *A cold start's first marks*).
import speech from '@/data/glossary.json';
import national from '@/data/national.json';

/** The two files' contents, unvalidated (src/glossary/default.ts validates them). */
export interface ShippedSource {
  speech: typeof speech;
  national: typeof national;
}

const source: ShippedSource = { speech, national };

/** Has the data at hand: here it always is. */
export const loadShippedSource = (): Promise<void> => Promise.resolve();

/** The data; in the background only once loadShippedSource has resolved. */
export const shippedSource = (): ShippedSource => source;
