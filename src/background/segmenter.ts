// Answers `tifa:segment-check` with jieba (WebAssembly) in the service worker: content scripts on
// strict-CSP pages cannot compile WebAssembly themselves.
// The web build is initialised with the URL of the .wasm copied into the extension by wxt.config.ts
// (never inlined: it is 4 MB), once, on the first request.
import init, { add_word, cut, cut_all, tokenize } from 'jieba-wasm/web';
import { judgeAmbiguous, senseCuesByForm, type SenseCues } from '@/src/glossary/sense-cues';
import type { Span } from '@/src/messages';
import { getGlossary, glossaryGeneration } from './glossary-service';
import { segmenterReady } from './segmenter-warmth';

let ready: Promise<unknown> | undefined;
/** jieba has loaded in this worker: a request answers within milliseconds (a cold one waits about a second). */
let loaded = false;
const addedWords = new Set<string>();
let wordsGeneration = -1;
let senseCues: ReadonlyMap<string, SenseCues> = new Map();
// Dictionary look-ups repeat across a page (党组织 in every paragraph); each costs a call into
// WebAssembly. Cleared when words are added, and when it grows large.
const wordCache = new Map<string, boolean>();
const WORD_CACHE_LIMIT = 5000;

function initJieba(): Promise<unknown> {
  if (!ready) {
    const attempt = (ready = init({ module_or_path: browser.runtime.getURL('/jieba.wasm') }));
    attempt.catch(() => {
      if (ready === attempt) ready = undefined;
    });
  }
  return ready;
}

// The ambiguous terms join jieba's dictionary so that 党组会议 splits as 党组/会议. jieba cannot
// forget words, so a term removed from the glossary stays known until the worker restarts; that
// only matters for a term no longer matched at all.
async function addAmbiguousTerms(): Promise<void> {
  const generation = glossaryGeneration();
  if (generation === wordsGeneration) return;
  const { entries, patterns } = await getGlossary();
  senseCues = senseCuesByForm(entries);
  for (const p of patterns) {
    if (p.ambiguous && !addedWords.has(p.text)) {
      add_word(p.text);
      addedWords.add(p.text);
      wordCache.clear();
    }
  }
  wordsGeneration = generation;
}

/** Whether `word` is in jieba's dictionary: cut_all lists every dictionary word in its input. */
function isWord(word: string): boolean {
  let known = wordCache.get(word);
  if (known === undefined) {
    known = cut_all(word).includes(word);
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(word, known);
  }
  return known;
}

/**
 * jieba loaded, with the glossary's ambiguous terms as words. Pages are told it is (segmenter-warmth.ts)
 * whoever asked: a worker that loaded it for the popup's brief answers the next page's segmentation
 * at once too, and that page need not paint its marks in two steps.
 */
async function loadedJieba(): Promise<void> {
  await initJieba();
  loaded = true;
  await addAmbiguousTerms();
  segmenterReady();
}

/** Whether jieba has loaded in this worker, so that segmentation answers at once. */
export const jiebaLoaded = (): boolean => loaded;

/**
 * For each candidate span, whether it is a word by jieba's segmentation (src/glossary/segment.ts)
 * and no sense cue of its entry rules it out (src/glossary/sense-cues.ts).
 */
export async function segmentCheck(text: string, candidates: readonly Span[]): Promise<boolean[]> {
  await loadedJieba();
  return judgeAmbiguous(text, candidates, (t) => tokenize(t, 'default', false), isWord, senseCues);
}

/** jieba's word cut (with the glossary's ambiguous terms known as words), once it is loaded. */
export async function wordCutter(): Promise<(text: string) => string[]> {
  await loadedJieba();
  return (text) => cut(text, false);
}
