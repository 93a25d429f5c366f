// The background's stand-in for ./shipped-source.ts (wxt.config.ts swaps it in for the background's
// build only): the build validates the shipped glossary with the schema and packages the result
// beside the worker's script (a build whose data files break the schema fails), and the worker
// fetches it when first needed: no literal in its script, and no validation at each of its starts.
// Every path of the background that reads the shipped glossary awaits loadShippedGlossary first.
import type { Glossary } from './schema';

/** Where wxt.config.ts packages the validated glossary. */
const SHIPPED_FILE = '/shipped/glossary.json';

let glossary: Glossary | undefined;
let loading: Promise<void> | undefined;

/** Loads the glossary once (a failed load is tried again by the next caller). */
export function loadShippedGlossary(): Promise<void> {
  loading ??= fetch(browser.runtime.getURL(SHIPPED_FILE))
    .then((response) => {
      if (!response.ok) throw new Error(`Tifa: the shipped glossary ${SHIPPED_FILE} did not load (${response.status})`);
      return response.json() as Promise<Glossary>;
    })
    .then(
      (fetched) => {
        glossary = fetched;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
  return loading;
}

/** The glossary; throws if asked before loadShippedGlossary resolved (a path that forgot to await it). */
export function shippedGlossary(): Glossary {
  if (!glossary) throw new Error('Tifa: the shipped glossary was read before it loaded (await loadDefaultGlossary first)');
  return glossary;
}
