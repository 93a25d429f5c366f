// The background's stand-in for ./opencc-phrases.ts (wxt.config.ts swaps it in for the background's
// build only): the dictionary is packaged beside the worker's script and fetched when first needed,
// so that it is no literal in that script. Every path of the background that converts to traditional
// characters awaits loadOpenccPhrases (re-exported as loadTraditionalConverters) first.

/** Where wxt.config.ts packages the dictionary. */
const PHRASES_FILE = '/shipped/opencc-st-phrases.txt';

let phrases: string | undefined;
let loading: Promise<void> | undefined;

/** Loads the dictionary once (a failed load is tried again by the next caller). */
export function loadOpenccPhrases(): Promise<void> {
  loading ??= fetch(browser.runtime.getURL(PHRASES_FILE))
    .then((response) => {
      if (!response.ok) throw new Error(`Tifa: opencc's dictionary ${PHRASES_FILE} did not load (${response.status})`);
      return response.text();
    })
    .then(
      (text) => {
        phrases = text;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
  return loading;
}

/** The dictionary; throws if asked before loadOpenccPhrases resolved (a path that forgot to await it). */
export function openccPhrases(): string {
  if (phrases === undefined) throw new Error("Tifa: opencc's dictionary was read before it loaded (await loadTraditionalConverters first)");
  return phrases;
}
