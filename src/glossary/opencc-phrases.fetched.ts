// The background's stand-in for ./opencc-phrases.ts (wxt.config.ts swaps it in for the background's
// build only): the dictionary is packaged beside the worker's script and fetched when first needed,
// so that it is no literal in that script. Every path of the background that converts to traditional
// characters awaits loadOpenccPhrases (re-exported as loadTraditionalConverters) first.
import { packagedFile } from './packaged-file';

const phrases = packagedFile('/shipped/opencc-st-phrases.txt', "opencc's dictionary", 'loadTraditionalConverters', (response) => response.text());

export const loadOpenccPhrases = (): Promise<void> => phrases.load();

export const openccPhrases = (): string => phrases.read();
