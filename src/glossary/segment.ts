// Confirms candidate matches by word segmentation: a candidate counts only when the segmenter puts a
// word boundary at both of its ends (党组 in 党委（党组）会议, not in 党组织).
// Pure module: the segmenter comes in as a function, so Node tests use jieba's nodejs build and the
// background its web build.
import type { Span } from '@/src/messages';

/** A token as jieba's `tokenize` gives it: offsets in code points, not UTF-16 units. */
export interface CodePointToken {
  start: number;
  end: number;
}

export type Tokenize = (text: string) => readonly CodePointToken[];

/** The UTF-16 offsets at which the tokens start or end (0 and text.length included). */
export function wordBoundaries(text: string, tokens: readonly CodePointToken[]): Set<number> {
  const boundaries = new Set<number>([0, text.length]);
  // Code point index → UTF-16 offset; identical unless the text holds astral characters (𠮷).
  let toUtf16: (codePoint: number) => number = (cp) => cp;
  if (/[\uD800-\uDFFF]/.test(text)) {
    const offsets: number[] = [];
    let unit = 0;
    for (const ch of text) {
      offsets.push(unit);
      unit += ch.length;
    }
    offsets.push(unit);
    toUtf16 = (cp) => offsets[cp] ?? text.length;
  }
  for (const token of tokens) {
    boundaries.add(toUtf16(token.start));
    boundaries.add(toUtf16(token.end));
  }
  return boundaries;
}

/** For each candidate span (UTF-16 offsets into `text`), whether it is a whole word. */
export function confirmCandidates(text: string, candidates: readonly Span[], tokenize: Tokenize): boolean[] {
  if (candidates.length === 0) return [];
  const boundaries = wordBoundaries(text, tokenize(text));
  return candidates.map(
    (c) => c.start >= 0 && c.end <= text.length && c.start < c.end && boundaries.has(c.start) && boundaries.has(c.end),
  );
}
