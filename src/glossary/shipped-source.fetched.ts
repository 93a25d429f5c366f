// The background's stand-in for ./shipped-source.ts (wxt.config.ts swaps it in for the background's
// build only): the shipped glossary's data files are packaged beside the worker's script and
// fetched when first needed, so that they are no literals in that script (see ./shipped-source.ts).
// Every path of the background that reads the shipped glossary awaits loadShippedSource first.
import type { ShippedSource } from './shipped-source';

/** Where wxt.config.ts packages the two files. */
const SHIPPED_FILES = { speech: '/shipped/glossary.json', national: '/shipped/national.json' } as const;

let source: ShippedSource | undefined;
let loading: Promise<void> | undefined;

async function fetchJson(file: (typeof SHIPPED_FILES)[keyof typeof SHIPPED_FILES]): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(file));
  if (!response.ok) throw new Error(`Tifa: the shipped glossary file ${file} did not load (${response.status})`);
  return response.json();
}

/** Loads the data once (a failed load is tried again by the next caller). */
export function loadShippedSource(): Promise<void> {
  loading ??= Promise.all([fetchJson(SHIPPED_FILES.speech), fetchJson(SHIPPED_FILES.national)]).then(
    ([speech, national]) => {
      source = { speech, national } as ShippedSource;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The data; throws if asked before loadShippedSource resolved (a path that forgot to await it). */
export function shippedSource(): ShippedSource {
  if (!source) throw new Error('Tifa: the shipped glossary was read before it loaded (await loadShippedSource first)');
  return source;
}
