// The background's stand-in for ./shipped-source.ts (wxt.config.ts swaps it in for the background's
// build only): the build validates the shipped glossary with the schema and packages the result
// beside the worker's script (a build whose data files break the schema fails), and the worker
// fetches it when first needed: no literal in its script, and no validation at each of its starts.
// Every path of the background that reads the shipped glossary awaits loadShippedGlossary first.
import { packagedFile } from './packaged-file';
import type { Glossary } from './schema';

const shipped = packagedFile('/shipped/glossary.json', 'the shipped glossary', 'loadDefaultGlossary', (response) => response.json() as Promise<Glossary>);

export const loadShippedGlossary = (): Promise<void> => shipped.load();

export const shippedGlossary = (): Glossary => shipped.read();
